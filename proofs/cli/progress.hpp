// The progress line on a terminal: sizes done / total, obligations finished, elapsed time and the
// obligation now running, rewritten in place on stderr. Silent when stderr is not a terminal
// (pipes, CI logs), so output files and logs never contain it, unless asked for as lines
// (--progress-lines): then each update is a line of its own, for long runs in the background.
#pragma once

#include <chrono>
#include <cstddef>
#include <mutex>
#include <string>

namespace tc0::cli {

class progress_line {
 public:
  progress_line();
  bool enabled() const { return enabled_; }
  void use_lines();                        // one line per update, on a terminal or not
  void add_sizes(size_t n);                // more sizes are queued
  void size_done();                        // one size finished (all its obligations)
  void obligation(std::string const& id);  // an obligation starts
  void finish();                           // clears the line

 private:
  void draw();  // with mutex_ held
  bool enabled_;
  bool lines_ = false;
  std::mutex mutex_;
  std::chrono::steady_clock::time_point start_;
  size_t sizes_total_ = 0, sizes_done_ = 0, obligations_ = 0;
  std::string current_;
};

// The process's one progress line (workers of -j report to it concurrently).
progress_line& terminal_progress();

}  // namespace tc0::cli
