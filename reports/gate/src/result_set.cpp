#include "wsc/report/result_set.hpp"

#include <fstream>
#include <set>
#include <sstream>

#include "wsc/report/autobahn_json.hpp"
#include "wsc/report/case_order.hpp"

namespace wsc::report {

namespace {

nlohmann::json read_json(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw results_error("cannot read " + file.string());
    std::ostringstream text;
    text << in.rdbuf();
    try {
        return nlohmann::json::parse(text.str());
    } catch (const nlohmann::json::exception& e) {
        throw results_error(file.string() + ": not valid JSON (" + e.what() + ")");
    }
}

template <class T>
T field_or(const nlohmann::json& j, const char* key, T fallback) {
    const auto it = j.find(key);
    if (it == j.end() || it->is_null()) return fallback;
    try {
        return it->get<T>();
    } catch (const nlohmann::json::exception&) {
        return fallback;
    }
}

// A case listed in index.json without its case file: what the index says.
case_result from_index_entry(const std::string& agent, const std::string& id, const nlohmann::json& e) {
    case_result r;
    r.agent = agent;
    r.id = id;
    r.behavior = field_or<std::string>(e, "behavior", behavior::failed);
    r.behavior_close = field_or<std::string>(e, "behaviorClose", behavior::failed);
    r.duration_ms = field_or<double>(e, "duration", 0);
    if (const auto it = e.find("remoteCloseCode"); it != e.end() && it->is_number_integer())
        r.close.remote_close_code = it->get<int>();
    r.create_wirelog = false;
    r.note = "only the index entry was available (no case file)";
    return r;
}

}  // namespace

result_set load_results(const std::filesystem::path& dir) {
    const auto index = read_json(dir / "index.json");
    if (!index.is_object()) throw results_error((dir / "index.json").string() + ": expected an object of agents");
    result_set out;
    for (const auto& [agent, cases] : index.items()) {
        if (!cases.is_object()) throw results_error("index.json: agent '" + agent + "' does not map to cases");
        auto& mine = out[agent];
        for (const auto& [id, entry] : cases.items()) {
            if (!entry.is_object()) throw results_error("index.json: " + agent + " / " + id + " is not an object");
            const auto file = field_or<std::string>(entry, "reportfile", "");
            // Only plain file names: an index must not make us read outside its directory.
            const bool plain = !file.empty() && file.find('/') == std::string::npos &&
                               file.find('\\') == std::string::npos && file != "." && file != "..";
            if (plain && std::filesystem::is_regular_file(dir / file)) {
                case_result r;
                try {
                    r = from_autobahn_json(read_json(dir / file));
                } catch (const nlohmann::json::exception& e) {
                    throw results_error((dir / file).string() + ": " + e.what());
                }
                // The index is the source of truth for which agent and case this is.
                r.agent = agent;
                r.id = id;
                mine[id] = std::move(r);
            } else {
                mine[id] = from_index_entry(agent, id, entry);
            }
        }
    }
    return out;
}

std::vector<std::string> merge_into(result_set& into, const result_set& from) {
    std::vector<std::string> notes;
    for (const auto& [agent, cases] : from) {
        auto& mine = into[agent];
        for (const auto& [id, r] : cases) {
            const auto it = mine.find(id);
            if (it == mine.end()) {
                mine.emplace(id, r);
                continue;
            }
            const bool newer = r.started > it->second.started;
            notes.push_back(agent + " " + id + ": present twice; kept the one started " +
                            (newer ? r.started : it->second.started));
            if (newer) it->second = r;
        }
    }
    return notes;
}

void write_results(const std::filesystem::path& dir, const result_set& results) {
    std::filesystem::create_directories(dir);
    result_store store(dir);
    for (const auto& [agent, cases] : results)
        for (const auto& [id, r] : cases) store.add(r);
}

std::vector<std::string> all_case_ids(const result_set& results) {
    std::set<std::string, case_id_order> ids;
    for (const auto& [agent, cases] : results)
        for (const auto& [id, r] : cases) ids.insert(id);
    return {ids.begin(), ids.end()};
}

std::size_t result_count(const result_set& results) {
    std::size_t n = 0;
    for (const auto& [agent, cases] : results) n += cases.size();
    return n;
}

}  // namespace wsc::report
