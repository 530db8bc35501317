// The subcommands of `wsconform`. Each takes its arguments (without the program
// and subcommand names) and returns an exit code (exit_codes.hpp).
#pragma once

#include <span>
#include <string>

namespace wsc::cli {

int run_echo_server(std::span<const std::string> args);
int run_echo_client(std::span<const std::string> args);
int run_cases(std::span<const std::string> args);
int run_fuzzing_client(std::span<const std::string> args);
int run_fuzzing_server(std::span<const std::string> args);
int run_report(std::span<const std::string> args);
int run_version(std::span<const std::string> args);

}  // namespace wsc::cli
