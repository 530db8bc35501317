#include "progress.hpp"

#include <unistd.h>

#include <cstdio>

namespace wsc::cli {

std::string format_duration(double seconds) {
    char buf[32];
    const long s = static_cast<long>(seconds + 0.5);
    if (s < 60) std::snprintf(buf, sizeof buf, "%lds", s);
    else if (s < 3600) std::snprintf(buf, sizeof buf, "%ldm%02lds", s / 60, s % 60);
    else std::snprintf(buf, sizeof buf, "%ldh%02ldm", s / 3600, (s / 60) % 60);
    return buf;
}

progress::progress(std::ostream& out, style s, int total) : out_(out), style_(s), total_(total) {}

progress::style progress::pick(bool quiet) {
    if (quiet) return style::quiet;
    return isatty(STDOUT_FILENO) ? style::live : style::lines;
}

void progress::started(const std::string& id) {
    running_.insert(id);
    started_at_[id] = std::chrono::steady_clock::now();
    if (style_ == style::live) draw();
}

double progress::took_ms(const std::string& id) {
    const auto it = started_at_.find(id);
    if (it == started_at_.end()) return -1;
    const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - it->second).count();
    started_at_.erase(it);
    return ms;
}

void progress::deferred(const report::case_result& first) {
    running_.erase(first.id);
    const double ms = took_ms(first.id);
    if (style_ == style::quiet) return;
    char took[32];
    std::snprintf(took, sizeof took, "%.0f ms", ms < 0 ? first.duration_ms : ms);
    note("[" + std::to_string(finished_) + "/" + std::to_string(total_) + "] " + first.id + " " + first.behavior +
         "/" + first.behavior_close + " " + took + " while other cases ran: not final, re-run alone at the end");
}

void progress::finished(const report::case_result& r) {
    running_.erase(r.id);
    const double ms = took_ms(r.id);
    ++finished_;
    ++counts_[r.behavior];
    if (style_ == style::lines) {
        char took[32];
        std::snprintf(took, sizeof took, "%.0f ms", ms < 0 ? r.duration_ms : ms);
        out_ << "[" << finished_ << "/" << total_ << "] " << r.id << " " << r.behavior << "/" << r.behavior_close
             << " " << took << (r.note.find("Re-run alone") != std::string::npos ? " (re-run alone)" : "") << "\n"
             << std::flush;
    } else if (style_ == style::live) {
        draw();
    }
}

void progress::skipped(const std::string& id, const std::string& why) {
    running_.erase(id);
    started_at_.erase(id);
    ++finished_;
    if (style_ != style::quiet) note("[" + std::to_string(finished_) + "/" + std::to_string(total_) + "] " + id +
                                     " skipped: " + why);
}

void progress::note(const std::string& text) {
    clear();
    out_ << text << "\n";
    if (style_ == style::live) draw();
    out_ << std::flush;
}

void progress::tick() {
    if (style_ == style::live) draw();
}

void progress::done() {
    clear();
    out_ << std::flush;
}

std::string progress::eta() const {
    const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
    if (finished_ == 0) return "?";
    return format_duration(elapsed / finished_ * (total_ - finished_));
}

void progress::draw() {
    const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
    std::string line = "[" + std::to_string(finished_) + "/" + std::to_string(total_) + "]";
    if (!running_.empty()) {
        line += " " + *running_.begin();
        if (running_.size() > 1) line += " (+" + std::to_string(running_.size() - 1) + ")";
    }
    for (const auto& [verdict, n] : counts_) line += "  " + verdict + " " + std::to_string(n);
    line += "  elapsed " + format_duration(elapsed) + "  left ~" + eta();
    out_ << "\r\033[K" << line << std::flush;
    line_shown_ = true;
}

void progress::clear() {
    if (!line_shown_) return;
    out_ << "\r\033[K";
    line_shown_ = false;
}

}  // namespace wsc::cli
