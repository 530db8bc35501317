// What a run tells the person watching it. On a terminal: one status line rewritten
// in place (case n of N, the running case, verdict counts, elapsed and estimated
// time left). Otherwise one line per finished case ("[12/517] 2.3 OK/OK 3 ms"), or
// nothing per case with --quiet. The time is the case's wall time as the runner
// saw it, connect and timeouts included, not the report's duration (which starts
// at the handshake and is 0 when there was none).
#pragma once

#include <chrono>
#include <map>
#include <ostream>
#include <set>
#include <string>

#include "wsc/report/case_result.hpp"

namespace wsc::cli {

class progress {
public:
    enum class style { live, lines, quiet };

    progress(std::ostream& out, style s, int total);
    // stdout's kind decides: a TTY gets the live line, --quiet wins over both.
    static style pick(bool quiet);

    void started(const std::string& id);
    void finished(const report::case_result& r);
    // A case whose result is not final yet (it will be played again alone).
    void deferred(const report::case_result& first);
    void skipped(const std::string& id, const std::string& why);
    // A line that must not be overwritten by the status line.
    void note(const std::string& text);
    // Redraws the live line (elapsed time moves on during long cases).
    void tick();
    // Clears the live line before the summary.
    void done();

    int finished_count() const noexcept { return finished_; }

private:
    void draw();
    double took_ms(const std::string& id);
    void clear();
    std::string eta() const;

    std::ostream& out_;
    style style_;
    int total_;
    int finished_ = 0;
    std::set<std::string> running_;
    std::map<std::string, std::chrono::steady_clock::time_point> started_at_;
    std::map<std::string, int> counts_;
    std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
    bool line_shown_ = false;
};

std::string format_duration(double seconds);

}  // namespace wsc::cli
