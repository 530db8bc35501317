// `wsconform server`: the fuzzing server (tests clients), catalogue.md §4.
#include <array>
#include <iostream>
#include <sstream>

#include "args.hpp"
#include "capabilities.hpp"
#include "case_source.hpp"
#include "ci_args.hpp"
#include "commands.hpp"
#include "exit_codes.hpp"
#include "fuzzing_server.hpp"
#include "progress.hpp"
#include "report_hook.hpp"
#include "section_summary.hpp"
#include "stop_signals.hpp"
#include "version.hpp"
#include "wsc/net/tls_options.hpp"
#include "wsc/net/url.hpp"

namespace wsc::cli {

namespace {

constexpr std::array own_specs{
    option_spec{"spec", 's', "FILE", "fuzzingserver.json: url, cases, exclude-cases, exclude-agent-cases, outdir"},
    option_spec{"port", 'p', "N", "TCP port (default: the spec url's, else 9001; 0 picks a free one)"},
    option_spec{"bind", 0, "ADDR", "address to listen on (default 127.0.0.1)"},
    option_spec{"cases", 'c', "PATTERNS", "cases to offer, e.g. 1.*,6.4.* (default: the spec's, else *)"},
    option_spec{"exclude-cases", 'x', "PATTERNS", "cases to leave out"},
    option_spec{"outdir", 'o', "DIR", "report directory (default ./reports/clients)"},
    option_spec{"cert", 0, "FILE", "serve wss with this certificate chain (PEM)"},
    option_spec{"key", 0, "FILE", "private key (PEM) for --cert"},
    option_spec{"catalogue", 0, "DIR", "case catalogue directory (default: the built-in one)"},
    option_spec{"quiet", 'q', "", "no per-case lines; just the summary"},
    option_spec{"help", 'h', "", "show this help"},
};

std::vector<option_spec> all_specs() { return join_specs({own_specs, capability_option_specs, ci_option_specs}); }

}  // namespace

int run_fuzzing_server(std::span<const std::string> args) {
    const auto specs = all_specs();
    const auto a = parse_args(args, specs);
    if (a.has("help")) {
        std::cout << format_help(
            "wsconform server [options]",
            "Tests WebSocket clients over Autobahn's URL protocol: /getCaseCount, /runCase?case=N&agent=NAME, "
            "/getCaseInfo?case=N, /getCaseStatus?case=N&agent=NAME, /updateReports?agent=NAME"
            "[&shutdownOnComplete=true], /stopServer. Results are written to the outdir case by case.",
            specs);
        return exit_code::ok;
    }
    if (!a.positional().empty()) throw usage_error("unexpected argument '" + a.positional().front() + "'");

    catalogue::Spec spec;
    spec.mode = catalogue::SpecMode::fuzzing_server;
    spec.cases = {"*"};
    spec.outdir = catalogue::default_outdir(spec.mode);
    std::string spec_file;
    if (auto file = a.get("spec")) {
        spec = read_spec(*file, catalogue::SpecMode::fuzzing_server);
        spec_file = *file;
    }
    if (a.has("cases")) spec.cases = split_list(a.all("cases"));
    if (a.has("exclude-cases")) spec.exclude_cases = split_list(a.all("exclude-cases"));
    const std::filesystem::path outdir = a.get_or("outdir", spec.outdir);

    fuzzing_server_options opts;
    opts.bind_address = a.get_or("bind", "127.0.0.1");
    opts.port = 9001;
    bool tls = false;
    if (!spec.url.empty()) {
        // Only the port and the scheme of the spec's url matter (catalogue.md §6.2).
        std::string why;
        auto url = net::parse_ws_url(spec.url, &why);
        if (!url) throw spec_error(spec_file + ": key 'url': " + why);
        opts.port = url->port;
        tls = url->tls;
    }
    opts.port = static_cast<std::uint16_t>(a.number("port", opts.port, 0, 65535));
    net::tls_options tls_files;
    tls_files.cert_file = a.get_or("cert", spec.cert.value_or(""));
    tls_files.key_file = a.get_or("key", spec.key.value_or(""));
    if (tls || a.has("cert") || a.has("key")) opts.tls = net::make_server_tls_context(tls_files);
    const std::string where = spec_file.empty() ? std::string("options") : spec_file + ": key 'options'";
    opts.limits = apply_timeout_options({}, spec.options, where);
    opts.excluded = make_agent_exclusion(spec.exclude_agent_cases);
    opts.server_header = product;

    const auto source = case_source::load(a.get("catalogue"));
    // The fuzzer is the server, so the implementation under test is a client.
    opts.cases = apply_shard(
        keep_declared_capabilities(source->select(spec.cases, spec.exclude_cases, catalogue::Role::client),
                                   split_list(a.all("capability")), std::cerr),
        a);
    if (opts.cases.empty()) throw usage_error("no case matches the selection");
    const report::ci_options ci = read_ci_options(a, *source, opts.cases);
    const int total = static_cast<int>(opts.cases.size());

    std::filesystem::create_directories(outdir);
    report::result_store store(outdir);
    progress shown(std::cout, progress::pick(a.has("quiet")), total);
    section_summary summary;

    net::asio::io_context io;
    std::unique_ptr<fuzzing_server> server;
    try {
        server = std::make_unique<fuzzing_server>(io, opts, store);
    } catch (const std::exception& e) {
        std::cerr << "wsconform server: cannot listen on " << opts.bind_address << ":" << opts.port << ": "
                  << e.what() << "\n";
        return exit_code::usage;
    }
    bool interrupted = false;
    auto signals = on_stop_signal(io, [&] {
        // A signal is the usual way to end a fuzzing server; only a case it cuts
        // short makes the run interrupted (130) rather than gated.
        interrupted = server->running() > 0;
        server->stop();
        io.stop();
    });
    server->on_case_started = [&](const std::string&, const planned_case& c) { shown.started(c.id); };
    server->on_case_finished = [&](const report::case_result& r) {
        shown.finished(r);
        summary.add(r);
    };
    server->on_note = [&](const std::string& line) {
        if (!a.has("quiet")) shown.note(line);
    };
    // Harnesses often kill the server after /updateReports, so the HTML is current then.
    server->on_update_reports = [&] {
        std::ostringstream quiet;
        if (ci.html) report::finish_run(store.results(), outdir, ci.html_only(), quiet, std::cerr);
        report_written(outdir, std::cout);
    };
    server->on_shutdown = [&] {
        server->stop();
        signals->cancel();
        io.stop();
    };
    server->start();
    // Scripts and tests read this line for the port when they pass --port 0.
    std::cout << "listening on " << (opts.tls ? "wss://" : "ws://") << opts.bind_address << ":" << server->port()
              << "/ (" << total << " cases)" << std::endl;
    io.run();

    shown.done();
    std::cout << "\n";
    summary.print(std::cout);
    report_written(outdir, std::cout);
    const int gate = finish_ci(outdir, store.results(), ci);
    return interrupted ? exit_code::interrupted : gate;
}

}  // namespace wsc::cli
