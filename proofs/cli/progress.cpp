#include "proofs/cli/progress.hpp"

#include <unistd.h>

#include <cstdio>

namespace tc0::cli {

progress_line::progress_line()
    : enabled_{isatty(STDERR_FILENO) != 0}, start_{std::chrono::steady_clock::now()} {}

void progress_line::use_lines() {
  std::lock_guard guard{mutex_};
  enabled_ = lines_ = true;
}

void progress_line::add_sizes(size_t n) {
  std::lock_guard guard{mutex_};
  sizes_total_ += n;
}

void progress_line::size_done() {
  std::lock_guard guard{mutex_};
  ++sizes_done_;
  if (lines_) current_ = "(a size finished)";
  draw();
}

void progress_line::obligation(std::string const& id) {
  std::lock_guard guard{mutex_};
  ++obligations_;
  current_ = id;
  draw();
}

void progress_line::finish() {
  std::lock_guard guard{mutex_};
  if (enabled_ && !lines_) std::fprintf(stderr, "\r\033[K");
  std::fflush(stderr);
}

void progress_line::draw() {
  if (!enabled_) return;
  auto const s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  if (lines_)
    std::fprintf(stderr, "[sizes %zu/%zu, %zu obligations, %.0f s] %s\n", sizes_done_, sizes_total_,
                 obligations_, s, current_.c_str());
  else
    std::fprintf(stderr, "\r\033[K[sizes %zu/%zu, %zu obligations, %.0f s] %.90s", sizes_done_,
                 sizes_total_, obligations_, s, current_.c_str());
  std::fflush(stderr);
}

progress_line& terminal_progress() {
  static progress_line line;
  return line;
}

}  // namespace tc0::cli
