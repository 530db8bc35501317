#include "capabilities.hpp"

#include <algorithm>
#include <set>

#include "args.hpp"

#include "wsc/catalogue/case.hpp"

namespace wsc::cli {

void check_capability_names(const std::vector<std::string>& declared, const catalogue::Catalogue& cat) {
    std::set<std::string> known;
    for (const auto& c : cat.cases) known.insert(c.requirements.begin(), c.requirements.end());
    for (const auto& name : declared) {
        if (known.count(name)) continue;
        std::string list;
        for (const auto& k : known) list += (list.empty() ? "" : ", ") + k;
        throw usage_error("--capability '" + name + "': no case needs it (known: " + (list.empty() ? "none" : list) +
                          ")");
    }
}

case_plan keep_declared_capabilities(case_plan plan, const std::vector<std::string>& declared, std::ostream& notes) {
    case_plan kept;
    for (auto& c : plan) {
        std::string missing;
        for (const auto& need : c.tc->requirements)
            if (std::find(declared.begin(), declared.end(), need) == declared.end())
                missing += (missing.empty() ? "" : ", ") + need;
        if (missing.empty()) {
            kept.push_back(std::move(c));
            continue;
        }
        notes << "not run: " << c.id << " needs a peer set up for " << missing << " (--capability "
              << missing.substr(0, missing.find(',')) << ")\n";
    }
    return kept;
}

}  // namespace wsc::cli
