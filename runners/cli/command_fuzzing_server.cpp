// `wsconform server`: the fuzzing server (tests clients), catalogue.md §4.
#include <array>
#include <iostream>
#include <set>
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
#include "run_end.hpp"
#include "run_options.hpp"
#include "section_summary.hpp"
#include "spec_warnings.hpp"
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
    option_spec{"outdir", 'o', "DIR", "report directory (default ./reports/clients)"},
    option_spec{"cert", 0, "FILE", "serve wss with this certificate chain (PEM)"},
    option_spec{"key", 0, "FILE", "private key (PEM) for --cert"},
    option_spec{"help", 'h', "", "show this help"},
};

std::vector<option_spec> all_specs() {
    return join_specs({own_specs, selection_option_specs, run_option_specs, capability_option_specs, ci_option_specs});
}

}  // namespace

int run_fuzzing_server(std::span<const std::string> args) {
    const run_clock clock;
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
        warn_unimplemented_keys(spec, spec_file, std::cerr);
    }
    apply_selection_flags(spec, a);
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
    opts.port = static_cast<std::uint16_t>(a.integer("port", opts.port, 0, 65535));
    net::tls_options tls_files;
    tls_files.cert_file = a.get_or("cert", spec.cert.value_or(""));
    tls_files.key_file = a.get_or("key", spec.key.value_or(""));
    if (tls || a.has("cert") || a.has("key")) opts.tls = net::make_server_tls_context(tls_files);
    const std::string where = spec_file.empty() ? std::string("options") : spec_file + ": key 'options'";
    opts.limits = apply_timeout_flag(apply_timeout_options({}, spec.options, where), a);
    opts.excluded = make_agent_exclusion(spec.exclude_agent_cases);
    opts.server_header = product;

    const auto source = case_source::load(a.get("catalogue"));
    const auto declared = split_list(a.all("capability"));
    check_capability_names(declared, source->catalogue());
    // The fuzzer is the server, so the implementation under test is a client.
    opts.cases = apply_shard(
        keep_declared_capabilities(source->select(spec.cases, spec.exclude_cases, catalogue::Role::client), declared,
                                   std::cerr),
        a);
    if (opts.cases.empty()) throw usage_error("no case matches the selection");
    report::ci_options ci = read_ci_options(a, *source, opts.cases);
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
    // Every agent that played a case owes every offered case (less its exclusions):
    // a client that stops after one of eight leaves seven missing.
    std::set<std::string> agents;
    server->on_case_started = [&](const std::string& agent, const planned_case& c) {
        agents.insert(agent);
        shown.started(c.id);
    };
    server->on_case_finished = [&](const report::case_result& r) {
        shown.finished(r);
        summary.add(r);
    };
    server->on_note = [&](const std::string& line) {
        if (!a.has("quiet")) shown.note(line);
    };
    const auto owed_now = [&] {
        report::expected_cases owed;
        for (const auto& [agent, cases] : store.results()) agents.insert(agent);
        for (const auto& agent : agents)
            for (const auto& c : opts.cases)
                if (!opts.excluded || !opts.excluded(agent, c.id)) owed[agent].push_back(c.id);
        return owed;
    };
    // Harnesses often kill the server after /updateReports, so the HTML is current then.
    server->on_update_reports = [&] {
        std::ostringstream quiet;
        report::ci_options now = ci.html_only();
        now.expected = owed_now();
        if (ci.html) report::finish_run(store.results(), outdir, now, quiet, std::cerr);
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

    ci.expected = owed_now();
    run_end_state state;
    state.interrupted = interrupted;
    if (agents.empty()) state.nothing_tested = "no client played a case";
    return end_run(outdir, store, std::move(ci), summary, clock, state, std::cout);
}

}  // namespace wsc::cli
