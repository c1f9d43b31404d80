#include "proofs/engine/report/svg_plot.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <sstream>

namespace tc0 {
namespace {

constexpr double width = 360, height = 240;
constexpr double left = 58, right = 12, top = 28, bottom = 44;
constexpr char const* colors[] = {"#1f5fa8", "#c2410c", "#15803d", "#7e22ce"};

std::string num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

// A tick label: integers as such, large powers of two as 2^k.
std::string tick_text(double v, bool log_scale) {
  if (log_scale && v >= 1024)
    return "2^" + std::to_string(static_cast<int>(std::lround(std::log2(v))));
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}

struct axis {
  double lo, hi;
  bool log_scale;
  double map(double v, double from, double to) const {
    auto const f = log_scale ? std::log2(std::max(v, 1e-9)) : v;
    auto const a = log_scale ? std::log2(lo) : lo, b = log_scale ? std::log2(hi) : hi;
    return from + (b > a ? (f - a) / (b - a) : 0.5) * (to - from);
  }
  std::vector<double> ticks() const {
    std::vector<double> t;
    if (!std::isfinite(lo) || !std::isfinite(hi)) return t;  // no ticks rather than no end
    if (log_scale) {
      auto const a = std::floor(std::log2(lo)), b = std::ceil(std::log2(hi));
      auto const step = std::max(1.0, std::ceil((b - a) / 6));
      for (double e = a; e <= b; e += step) t.push_back(std::exp2(e));
    } else {
      auto const step = std::max(1.0, std::ceil((hi - lo) / 6));
      for (double v = lo; v <= hi + 1e-9; v += step) t.push_back(v);
    }
    return t;
  }
};

axis make_axis(std::vector<double> values, bool log_scale, bool from_zero) {
  // a value beyond double's range (a MAJ size of 10^400 read from a file) is left off the plot
  std::erase_if(values, [](double v) { return !std::isfinite(v); });
  auto [mn, mx] = std::minmax_element(values.begin(), values.end());
  double lo = values.empty() ? 0 : *mn, hi = values.empty() ? 1 : *mx;
  if (log_scale) {
    lo = std::exp2(std::floor(std::log2(std::max(lo, 1.0))));
    hi = std::exp2(std::ceil(std::log2(std::max(hi, 2.0))));
    if (hi <= lo) hi = 2 * lo;
  } else {
    if (from_zero) lo = 0;
    hi = std::ceil(hi) + 1;
    if (hi <= lo) hi = lo + 1;
  }
  return {lo, hi, log_scale};
}

}  // namespace

std::string xml_escape(std::string const& s) {
  std::string r;
  for (char ch : s) {
    if (ch == '<')
      r += "&lt;";
    else if (ch == '>')
      r += "&gt;";
    else if (ch == '&')
      r += "&amp;";
    else if (ch == '"')
      r += "&quot;";
    else
      r += ch;
  }
  return r;
}

std::string svg_plot(plot_spec const& spec, std::vector<plot_series> const& series) {
  std::vector<double> xs, ys;
  for (auto const& s : series)
    for (auto const& p : s.points) {
      xs.push_back(p.x);
      ys.push_back(p.value);
    }
  if (spec.bound) ys.push_back(*spec.bound);
  auto const ax = make_axis(xs, spec.log_x, false);
  auto const ay = make_axis(ys, spec.log_y, true);
  auto px = [&](double x) { return ax.map(x, left, width - right); };
  auto py = [&](double y) { return ay.map(y, height - bottom, top); };

  std::ostringstream svg;
  svg << "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" << width << "\" height=\"" << height
      << "\" viewBox=\"0 0 " << width << ' ' << height << "\" role=\"img\" aria-label=\""
      << xml_escape(spec.title) << "\">\n"
      << "<text x=\"" << num(width / 2) << "\" y=\"16\" text-anchor=\"middle\" class=\"t\">"
      << xml_escape(spec.title) << "</text>\n";
  // axes, grid and ticks
  svg << "<path d=\"M" << num(left) << ' ' << num(top) << "V" << num(height - bottom) << "H"
      << num(width - right) << "\" class=\"ax\"/>\n";
  for (double t : ax.ticks()) {
    if (t < ax.lo - 1e-9 || t > ax.hi + 1e-9) continue;
    svg << "<text x=\"" << num(px(t)) << "\" y=\"" << num(height - bottom + 14)
        << "\" text-anchor=\"middle\">" << tick_text(t, spec.log_x) << "</text>\n";
  }
  for (double t : ay.ticks()) {
    if (t < ay.lo - 1e-9 || t > ay.hi + 1e-9) continue;
    svg << "<path d=\"M" << num(left) << ' ' << num(py(t)) << "H" << num(width - right)
        << "\" class=\"grid\"/>\n<text x=\"" << num(left - 4) << "\" y=\"" << num(py(t) + 4)
        << "\" text-anchor=\"end\">" << tick_text(t, spec.log_y) << "</text>\n";
  }
  svg << "<text x=\"" << num((left + width - right) / 2) << "\" y=\"" << num(height - 8)
      << "\" text-anchor=\"middle\">" << xml_escape(spec.x_label) << "</text>\n"
      << "<text x=\"12\" y=\"" << num((top + height - bottom) / 2)
      << "\" text-anchor=\"middle\" transform=\"rotate(-90 12 " << num((top + height - bottom) / 2)
      << ")\">" << xml_escape(spec.y_label) << "</text>\n";
  if (spec.bound)
    svg << "<path d=\"M" << num(left) << ' ' << num(py(*spec.bound)) << "H" << num(width - right)
        << "\" class=\"bound\"/>\n<text x=\"" << num(width - right - 2) << "\" y=\""
        << num(py(*spec.bound) - 4) << "\" text-anchor=\"end\" class=\"bl\">"
        << xml_escape(spec.bound_label) << "</text>\n";
  // series: a polyline with a dot per point, and a legend line
  for (size_t i = 0; i < series.size(); ++i) {
    auto const color = colors[i % std::size(colors)];
    auto pts = series[i].points;
    std::erase_if(pts,
                  [](auto const& q) { return !std::isfinite(q.x) || !std::isfinite(q.value); });
    std::sort(pts.begin(), pts.end(), [](auto const& a, auto const& b) { return a.x < b.x; });
    svg << "<polyline fill=\"none\" stroke=\"" << color << "\" stroke-width=\"1.5\" points=\"";
    for (size_t k = 0; k < pts.size(); ++k)
      svg << (k ? " " : "") << num(px(pts[k].x)) << ',' << num(py(pts[k].value));
    svg << "\"/>\n";
    for (auto const& p : pts)
      svg << "<circle cx=\"" << num(px(p.x)) << "\" cy=\"" << num(py(p.value))
          << "\" r=\"2.5\" fill=\"" << color << "\"><title>" << tick_text(p.x, false) << ": "
          << tick_text(p.value, false) << "</title></circle>\n";
    auto const ly = top + 4 + 14 * static_cast<double>(i);
    svg << "<path d=\"M" << num(left + 8) << ' ' << num(ly) << "h14\" stroke=\"" << color
        << "\" stroke-width=\"2\"/>\n<text x=\"" << num(left + 26) << "\" y=\"" << num(ly + 4)
        << "\">" << xml_escape(series[i].label) << "</text>\n";
  }
  svg << "</svg>";
  return svg.str();
}

}  // namespace tc0
