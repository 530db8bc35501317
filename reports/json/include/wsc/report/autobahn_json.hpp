// Autobahn|Testsuite-compatible JSON (catalogue.md §7): one `<agent>_case_<id>.json`
// per case and an `index.json`, keys sorted, 3-space indent, so existing scripts
// that parse Autobahn's reports read ours unchanged.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "wsc/report/case_result.hpp"

namespace wsc::report {

// `<agent>_case_<id>.json` with Autobahn's sanitising rules (catalogue.md §7.1).
std::string case_file_stem(const std::string& agent, const std::string& id);

// The key, beside Autobahn's "wirelog", that holds each row's time (ms since the
// TCP connection was made, one number per row). Autobahn's readers ignore it.
inline constexpr const char* wirelog_times_key = "wsconformWirelogTimes";
// case_result::note (e.g. "Re-run alone before its verdict was final: ..."), when
// there is one, so a report re-rendered from disk still says it.
inline constexpr const char* note_key = "wsconformNote";

// The per-case object with exactly Autobahn's 39 keys, plus wirelog_times_key when
// the wire log has times (our own runs; never for imported Autobahn files). Payloads
// in expected/received become display forms (display.hpp); our other extra fields
// (http_status, note) have no key.
nlohmann::json to_autobahn_json(const case_result& r);
// Import (ours or Autobahn's). Display forms are turned back into bytes where they can be
// ("0x..." hex); http_status is recovered from the response head.
case_result from_autobahn_json(const nlohmann::json& j);

// One index.json entry: behavior, behaviorClose, duration, remoteCloseCode, reportfile.
nlohmann::json index_entry(const case_result& r);
// index.json for agent -> id -> result.
nlohmann::json index_json(const std::map<std::string, std::map<std::string, case_result>>& results);

// Serialises as Autobahn does: sorted keys (numerically where all keys are integers,
// as in the statistics maps), 3-space indent, ASCII-only escapes. `depth` is the
// nesting level the value sits at, for splicing it into a larger document.
std::string dump_autobahn(const nlohmann::json& j, int depth = 0);

// Results on disk, written case by case: each case file is written, then index.json
// is rewritten into a sibling and swapped with the old one, so a run killed at
// any moment keeps every finished case and a readable index (a case file the index
// does not name yet is ignored and overwritten by the next run).
class result_store {
public:
    explicit result_store(std::filesystem::path outdir);
    ~result_store();
    result_store(const result_store&) = delete;
    result_store& operator=(const result_store&) = delete;
    // Reads existing index.json and case files (for --resume and report re-rendering).
    void load_existing();
    void add(const case_result& r);  // writes the case file and the index
    bool has(const std::string& agent, const std::string& id) const;
    const std::map<std::string, std::map<std::string, case_result>>& results() const { return results_; }
    const std::filesystem::path& outdir() const { return outdir_; }

private:
    static std::string index_line(const case_result& r);
    void write_index() const;
    std::filesystem::path outdir_;
    std::map<std::string, std::map<std::string, case_result>> results_;  // agent -> id -> result
    // Each index.json line (key and entry), serialised once: rewriting the index after
    // every case then costs a concatenation, not a re-serialisation of every earlier case.
    std::map<std::string, std::map<std::string, std::string>> index_text_;
};

}  // namespace wsc::report
