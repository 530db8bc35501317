#include "wsc/report/completeness.hpp"

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "wsc/report/case_order.hpp"

namespace wsc::report {

std::vector<missing_cases> find_missing(const result_set& results, const expected_cases& expected) {
    std::vector<missing_cases> out;
    for (const auto& [agent, ids] : expected) {
        const auto have = results.find(agent);
        missing_cases m{agent, {}, ids.size()};
        for (const auto& id : ids)
            if (have == results.end() || !have->second.count(id)) m.ids.push_back(id);
        std::sort(m.ids.begin(), m.ids.end(), case_id_order{});
        m.ids.erase(std::unique(m.ids.begin(), m.ids.end()), m.ids.end());
        if (!m.ids.empty()) out.push_back(std::move(m));
    }
    return out;
}

void merge_expected(expected_cases& into, const expected_cases& from) {
    for (const auto& [agent, ids] : from) {
        std::set<std::string, case_id_order> all(into[agent].begin(), into[agent].end());
        all.insert(ids.begin(), ids.end());
        into[agent].assign(all.begin(), all.end());
    }
}

void save_expected(const std::filesystem::path& outdir, const expected_cases& expected) {
    nlohmann::ordered_json j;
    j["format"] = selection_format;
    nlohmann::ordered_json agents = nlohmann::ordered_json::object();
    for (const auto& [agent, ids] : expected) {
        std::vector<std::string> sorted = ids;
        std::sort(sorted.begin(), sorted.end(), case_id_order{});
        agents[agent] = sorted;
    }
    j["agents"] = std::move(agents);
    std::filesystem::create_directories(outdir);
    const auto file = outdir / selection_file;
    const auto tmp = std::filesystem::path(file.string() + ".tmp");
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        if (!out) throw results_error("cannot write " + tmp.string());
        out << j.dump(1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << "\n";
        if (!out.flush()) throw results_error("cannot write " + tmp.string());
    }
    std::filesystem::rename(tmp, file);
}

std::optional<expected_cases> load_expected(const std::filesystem::path& outdir) {
    const auto file = outdir / selection_file;
    if (!std::filesystem::exists(file)) return std::nullopt;
    std::ifstream in(file, std::ios::binary);
    if (!in) throw results_error("cannot read " + file.string());
    std::ostringstream text;
    text << in.rdbuf();
    const auto j = nlohmann::json::parse(text.str(), nullptr, false);
    const auto bad = [&](const std::string& why) { return results_error(file.string() + ": " + why); };
    if (j.is_discarded()) throw bad("not valid JSON");
    if (!j.is_object() || j.value("format", "") != selection_format)
        throw bad(std::string("expected an object with \"format\": \"") + selection_format + "\"");
    const auto agents = j.find("agents");
    if (agents == j.end() || !agents->is_object()) throw bad("key 'agents': must map agent names to case IDs");
    expected_cases out;
    for (const auto& [agent, ids] : agents->items()) {
        if (!ids.is_array()) throw bad("key 'agents." + agent + "': must be an array of case IDs");
        auto& mine = out[agent];
        for (const auto& id : ids) {
            if (!id.is_string()) throw bad("key 'agents." + agent + "': must be an array of case IDs");
            mine.push_back(id.get<std::string>());
        }
    }
    return out;
}

}  // namespace wsc::report
