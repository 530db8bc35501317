// `wsconform`: one executable, one subcommand per job.
#include <malloc.h>

#include <array>
#include <exception>
#include <iostream>
#include <string>
#include <vector>

#include "args.hpp"
#include "commands.hpp"
#include "exit_codes.hpp"
#include "version.hpp"

namespace {

using namespace wsc::cli;

struct command {
    std::string_view name;
    std::string_view summary;
    int (*run)(std::span<const std::string>);
};

constexpr std::array commands{
    command{"client", "test a WebSocket server (Autobahn fuzzingclient)", run_fuzzing_client},
    command{"server", "test WebSocket clients (Autobahn fuzzingserver)", run_fuzzing_server},
    command{"echo-server", "the reference echo server under test", run_echo_server},
    command{"echo-client", "the reference client under test (Autobahn URL protocol)", run_echo_client},
    command{"cases", "list the case catalogue", run_cases},
    command{"report", "re-render, merge or compare result directories (HTML, JUnit, baseline gate)", run_report},
    command{"version", "print the version", run_version},
};

void print_help(std::ostream& out) {
    out << "Usage: wsconform COMMAND [options]\n\n"
           "WebSocket (RFC 6455, RFC 7692) conformance and fuzzing suite.\n\nCommands:\n";
    for (const auto& c : commands) {
        std::string name(c.name);
        name.resize(14, ' ');
        out << "  " << name << c.summary << "\n";
    }
    out << "\nRun 'wsconform COMMAND --help' for a command's options.\n"
           "Exit codes: 0 pass, 1 conformance regression (against --baseline, else any failing case), "
           "2 usage or spec error, 3 peer unreachable, 4 incomplete run (selected cases without a result; "
           "--allow-missing), 130 interrupted (docs/exit-codes.md).\n";
}

}  // namespace

namespace wsc::cli {

int run_version(std::span<const std::string> args) {
    if (!args.empty() && args.front() != "--help" && args.front() != "-h")
        throw usage_error("version takes no arguments");
    std::cout << product << "\n";
    return exit_code::ok;
}

}  // namespace wsc::cli

int main(int argc, char** argv) {
    // §9 and §12 move payloads of up to 16 MiB through several buffers per case. With
    // glibc's defaults each one is a fresh mmap, so every page is faulted in and zeroed
    // again (half the client's CPU in 9.3/9.4). Keeping freed memory in the heap lets
    // the next case reuse it; the peak stays what the largest case needs.
    mallopt(M_MMAP_THRESHOLD, 32 << 20);
    mallopt(M_TRIM_THRESHOLD, 128 << 20);
    const std::vector<std::string> all(argv + 1, argv + argc);
    if (all.empty()) {
        print_help(std::cerr);
        return exit_code::usage;
    }
    const std::string& name = all.front();
    if (name == "--help" || name == "-h" || name == "help") {
        print_help(std::cout);
        return exit_code::ok;
    }
    if (name == "--version") return run_version({});
    for (const auto& c : commands) {
        if (c.name != name) continue;
        try {
            return c.run(std::span<const std::string>(all).subspan(1));
        } catch (const usage_error& e) {
            std::cerr << "wsconform " << name << ": " << e.what() << "\n"
                      << "Run 'wsconform " << name << " --help' for usage.\n";
            return exit_code::usage;
        } catch (const std::exception& e) {
            std::cerr << "wsconform " << name << ": " << e.what() << "\n";
            return exit_code::usage;
        }
    }
    std::cerr << "wsconform: unknown command '" << name << "'\n\n";
    print_help(std::cerr);
    return exit_code::usage;
}
