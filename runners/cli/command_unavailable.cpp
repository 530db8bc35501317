// Stand-ins for the subcommands whose libraries are not part of this build yet.
#include <iostream>

#include "commands.hpp"
#include "exit_codes.hpp"

namespace wsc::cli {

#if !defined(WSC_CLI_HAVE_CATALOGUE) || !defined(WSC_CLI_HAVE_FUZZER)
namespace {
[[maybe_unused]] int unavailable(const char* what, const char* needs) {
    std::cerr << "wsconform " << what << ": not built in this configuration (needs " << needs << ")\n";
    return exit_code::usage;
}
}  // namespace
#endif

#ifndef WSC_CLI_HAVE_CATALOGUE
int run_cases(std::span<const std::string>) { return unavailable("cases", "wsc_catalogue"); }
#endif
#ifndef WSC_CLI_HAVE_FUZZER
int run_fuzzing_client(std::span<const std::string>) {
    return unavailable("client", "wsc_catalogue, wsc_engine and wsc_report_json");
}
int run_fuzzing_server(std::span<const std::string>) {
    return unavailable("server", "wsc_catalogue, wsc_engine and wsc_report_json");
}
#endif

}  // namespace wsc::cli
