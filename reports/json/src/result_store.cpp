#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <system_error>

#include "wsc/report/autobahn_json.hpp"

namespace wsc::report {

namespace {

namespace fs = std::filesystem;

// A case file is new (or replaced) and only the index, written after it, points at it:
// a run killed mid-write leaves at worst a file no index entry names, which the next
// run overwrites. So it is written in place, without the temporary and the rename
// the index needs.
void write_directly(const fs::path& target, const std::string& text) {
    std::ofstream out(target, std::ios::binary | std::ios::trunc);
    if (!out) throw std::runtime_error("cannot write " + target.string());
    out << text;
    out.flush();
    if (!out) throw std::runtime_error("cannot write " + target.string());
}

fs::path previous_version_of(const fs::path& target) {
    fs::path p = target;
    p += ".previous";
    return p;
}

// index.json is rewritten after every case. A fresh temporary renamed over it would
// create one inode and free another each time, and ext4's inode allocation was about
// a tenth of the client's CPU on sections 1-10 (bench/RESULTS.md, "Index swaps,
// uninitialised buffers and a faithful floor"). Instead a sibling that holds the
// previous version is overwritten in place and the two names are swapped atomically
// (renameat2 RENAME_EXCHANGE), so readers and a killed run still only ever see a
// complete index. Filesystems without the exchange get a rename.
void write_in_place(const fs::path& file, const std::string& text) {
    const int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0) throw std::runtime_error("cannot write " + file.string() + ": " + std::strerror(errno));
    std::size_t at = 0;
    while (at < text.size()) {
        const ssize_t n = ::pwrite(fd, text.data() + at, text.size() - at, static_cast<off_t>(at));
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            const int e = errno;
            ::close(fd);
            throw std::runtime_error("cannot write " + file.string() + ": " + std::strerror(e));
        }
        at += static_cast<std::size_t>(n);
    }
    struct stat st {};
    const bool longer = ::fstat(fd, &st) == 0 && st.st_size > static_cast<off_t>(text.size());
    const int e = longer && ::ftruncate(fd, static_cast<off_t>(text.size())) != 0 ? errno : 0;
    ::close(fd);
    if (e) throw std::runtime_error("cannot write " + file.string() + ": " + std::strerror(e));
}

void write_atomically(const fs::path& target, const std::string& text) {
    const fs::path sibling = previous_version_of(target);
    write_in_place(sibling, text);
    if (::renameat2(AT_FDCWD, sibling.c_str(), AT_FDCWD, target.c_str(), RENAME_EXCHANGE) == 0) return;
    if (::rename(sibling.c_str(), target.c_str()) != 0)
        throw std::runtime_error("cannot rename " + sibling.string() + " to " + target.string() + ": " +
                                 std::strerror(errno));
}

std::optional<nlohmann::json> read_json(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) return std::nullopt;
    auto j = nlohmann::json::parse(in, nullptr, false);
    if (j.is_discarded()) return std::nullopt;
    return j;
}

}  // namespace

result_store::result_store(std::filesystem::path outdir) : outdir_(std::move(outdir)) {}

// The sibling only ever holds an older index; it is not part of the report.
result_store::~result_store() {
    std::error_code ec;
    fs::remove(previous_version_of(outdir_ / "index.json"), ec);
}

void result_store::load_existing() {
    const auto index = read_json(outdir_ / "index.json");
    if (!index || !index->is_object()) return;
    for (auto a = index->begin(); a != index->end(); ++a) {
        if (!a.value().is_object()) continue;
        for (auto c = a.value().begin(); c != a.value().end(); ++c) {
            const auto& entry = c.value();
            case_result r;
            const std::string file = entry.value("reportfile", case_file_stem(a.key(), c.key()) + ".json");
            if (auto j = read_json(outdir_ / file)) {
                r = from_autobahn_json(*j);
            } else {
                // The case file is gone; keep what the index knows.
                r.behavior = entry.value("behavior", std::string(behavior::failed));
                r.behavior_close = entry.value("behaviorClose", std::string(behavior::failed));
                r.duration_ms = entry.value("duration", 0.0);
                if (entry.contains("remoteCloseCode") && entry["remoteCloseCode"].is_number_integer())
                    r.close.remote_close_code = entry["remoteCloseCode"].get<int>();
            }
            r.agent = a.key();
            r.id = c.key();
            index_text_[a.key()][c.key()] = index_line(r);
            results_[a.key()][c.key()] = std::move(r);
        }
    }
}

void result_store::add(const case_result& r) {
    std::filesystem::create_directories(outdir_);
    write_directly(outdir_ / (case_file_stem(r.agent, r.id) + ".json"), dump_autobahn(to_autobahn_json(r)));
    results_[r.agent][r.id] = r;
    index_text_[r.agent][r.id] = index_line(r);
    write_index();
}

// One case's line of index.json, key included, as it sits at depth 2.
std::string result_store::index_line(const case_result& r) {
    return "      " + dump_autobahn(nlohmann::json(r.id)) + ": " + dump_autobahn(index_entry(r), 2);
}

bool result_store::has(const std::string& agent, const std::string& id) const {
    const auto a = results_.find(agent);
    return a != results_.end() && a->second.count(id) != 0;
}

// The same text as dump_autobahn(index_json(results_)), put together from the
// cached entries.
void result_store::write_index() const {
    if (index_text_.empty()) {
        write_atomically(outdir_ / "index.json", "{}");
        return;
    }
    std::string out = "{\n";
    for (auto a = index_text_.begin(); a != index_text_.end(); ++a) {
        out += "   " + dump_autobahn(nlohmann::json(a->first)) + ": {\n";
        for (auto c = a->second.begin(); c != a->second.end(); ++c) {
            out += c->second;
            out += std::next(c) != a->second.end() ? ",\n" : "\n";
        }
        out += std::next(a) != index_text_.end() ? "   },\n" : "   }\n";
    }
    out += "}";
    write_atomically(outdir_ / "index.json", out);
}

}  // namespace wsc::report
