#include "capabilities.hpp"

#include <algorithm>

#include "wsc/catalogue/case.hpp"

namespace wsc::cli {

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
