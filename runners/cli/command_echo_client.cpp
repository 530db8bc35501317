// `wsconform echo-client URL`: the reference client under test, for a fuzzing
// server that speaks Autobahn's URL protocol (ours or wstest's).
#include <array>
#include <iostream>

#include "args.hpp"
#include "commands.hpp"
#include "exit_codes.hpp"
#include "stop_signals.hpp"
#include "tls_args.hpp"
#include "version.hpp"
#include "wsc/testee/echo_client.hpp"

namespace wsc::cli {

namespace {

constexpr std::array own_specs{
    option_spec{"agent", 'a', "NAME", "agent name for the reports (default wsconform-echo-client)"},
    option_spec{"no-deflate", 0, "", "do not offer permessage-deflate"},
    option_spec{"quiet", 'q', "", "no progress lines"},
    option_spec{"help", 'h', "", "show this help"},
};

std::vector<option_spec> all_specs() { return join_specs({own_specs, tls_option_specs}); }

}  // namespace

int run_echo_client(std::span<const std::string> args) {
    const auto specs = all_specs();
    const auto a = parse_args(args, specs);
    if (a.has("help")) {
        std::cout << format_help("wsconform echo-client [options] URL",
                                 "Runs every case a fuzzing server offers: /getCaseCount, /runCase?case=N&agent=NAME "
                                 "for N = 1..count (echoing every message), then /updateReports.",
                                 specs);
        return exit_code::ok;
    }
    if (a.positional().size() != 1) throw usage_error("echo-client needs exactly one URL");
    std::string why;
    auto url = net::parse_ws_url(a.positional().front(), &why);
    if (!url) throw usage_error("bad URL '" + a.positional().front() + "': " + why);

    testee::echo_client_options opts;
    opts.server = *url;
    opts.agent = a.get_or("agent", "wsconform-echo-client");
    opts.deflate = !a.has("no-deflate");
    opts.connect.tls = read_tls_options(a);
    if (url->tls) opts.connect.tls_context = net::make_client_tls_context(opts.connect.tls);
    const bool quiet = a.has("quiet");
    if (!quiet) {
        opts.on_case = [](int n, int count) { std::cout << "[" << n << "/" << count << "]" << std::endl; };
        opts.log = [](const std::string& line) { std::cerr << line << "\n"; };
    }

    net::asio::io_context io;
    int rc = exit_code::ok;
    auto client = std::make_shared<testee::echo_client>(io, opts);
    bool interrupted = false;
    auto signals = on_stop_signal(io, [&] {
        interrupted = true;
        io.stop();
    });
    client->run([&](testee::echo_client_outcome how, const std::string& message) {
        if (how == testee::echo_client_outcome::done) {
            if (!quiet) std::cout << message << std::endl;
        } else {
            std::cerr << "wsconform echo-client: " << message << "\n";
            rc = exit_code::unreachable;
        }
        signals->cancel();
    });
    io.run();
    return interrupted ? exit_code::interrupted : rc;
}

}  // namespace wsc::cli
