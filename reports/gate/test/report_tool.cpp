// Test helper: `wsc_report_tool report ...` is `wsconform report ...` before the
// CLI wires it; `wsc_report_tool synthetic OUTDIR [--hostile] [--seed N]
// [--agents A,B]` writes synthetic results there as JSON.
#include <iostream>
#include <string>
#include <vector>

#include "synthetic.hpp"
#include "wsc/report/report_command.hpp"
#ifdef WSC_REPORT_TOOL_CATALOGUE
#include "wsc/catalogue/catalogue.hpp"
#include "wsc/report/catalogue_lookup.hpp"
#endif

int main(int argc, char** argv) {
    const std::vector<std::string> args(argv + 1, argv + argc);
    if (!args.empty() && args[0] == "report") {
        const std::span<const std::string> rest = std::span<const std::string>(args).subspan(1);
#ifdef WSC_REPORT_TOOL_CATALOGUE
        // As the CLI will: case texts and RFC sections from the catalogue.
        const auto cat = wsc::catalogue::load_catalogue(wsc::catalogue::default_catalogue_dir());
        return wsc::report::run_report_command(rest, std::cout, std::cerr, wsc::report::catalogue_lookup(cat));
#else
        return wsc::report::run_report_command(rest);
#endif
    }
    if (args.size() >= 2 && args[0] == "synthetic") {
        wsc::report::testing::synthetic_options o;
        for (std::size_t i = 2; i < args.size(); ++i) {
            if (args[i] == "--hostile") o.hostile = true;
            else if (args[i] == "--seed" && i + 1 < args.size()) o.seed = static_cast<unsigned>(std::stoul(args[++i]));
            else if (args[i] == "--agents" && i + 1 < args.size()) {
                o.agents.clear();
                std::string list = args[++i];
                for (std::size_t start = 0;;) {
                    const auto comma = list.find(',', start);
                    o.agents.push_back(list.substr(start, comma - start));
                    if (comma == std::string::npos) break;
                    start = comma + 1;
                }
            } else {
                std::cerr << "wsc_report_tool: unknown option " << args[i] << "\n";
                return 2;
            }
        }
        wsc::report::write_results(args[1], wsc::report::testing::synthetic_results(o));
        return 0;
    }
    std::cerr << "usage: wsc_report_tool report ... | synthetic OUTDIR [--hostile] [--seed N] [--agents A,B]\n";
    return 2;
}
