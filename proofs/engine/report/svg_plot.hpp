// Small inline SVG line plots for the HTML report: no scripts, no fonts to fetch, and numbers
// printed with fixed precision so that the same data always gives the same bytes.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "proofs/engine/growth.hpp"

namespace tc0 {

struct plot_series {
  std::string label;  // legend text
  std::vector<growth_point> points;
};

struct plot_spec {
  std::string title;
  std::string x_label;
  std::string y_label;
  bool log_x = false;  // base-2 axes (sweeps double their parameter)
  bool log_y = false;
  std::optional<double> bound;  // a dashed horizontal line, e.g. the declared depth bound
  std::string bound_label;
};

// Text for HTML/SVG content and attribute values: < > & " escaped.
std::string xml_escape(std::string const& s);

std::string svg_plot(plot_spec const& spec, std::vector<plot_series> const& series);

}  // namespace tc0
