// `wsconform client`: the fuzzing client (tests servers), catalogue.md §5.
#include <array>
#include <iostream>

#include "args.hpp"
#include "capabilities.hpp"
#include "case_source.hpp"
#include "ci_args.hpp"
#include "commands.hpp"
#include "exit_codes.hpp"
#include "fuzzing_client.hpp"
#include "progress.hpp"
#include "report_hook.hpp"
#include "section_summary.hpp"
#include "stop_signals.hpp"
#include "tls_args.hpp"

namespace wsc::cli {

namespace {

constexpr std::array own_specs{
    option_spec{"spec", 's', "FILE", "fuzzingclient.json: servers, cases, exclude-cases, options, outdir"},
    option_spec{"cases", 'c', "PATTERNS", "cases to run, e.g. 1.*,6.4.* (default: the spec's, else *)"},
    option_spec{"exclude-cases", 'x', "PATTERNS", "cases to leave out"},
    option_spec{"agent", 'a', "NAME", "report name of the server (default: its Server header)"},
    option_spec{"outdir", 'o', "DIR", "report directory (default ./reports/servers)"},
    option_spec{"resume", 0, "", "skip cases whose results are already in the outdir"},
    option_spec{"jobs", 'j', "N", "run up to N cases at once (default 1)"},
    option_spec{"catalogue", 0, "DIR", "case catalogue directory (default: the built-in one)"},
    option_spec{"quiet", 'q', "", "no per-case lines; just the summary"},
    option_spec{"help", 'h', "", "show this help"},
};

std::vector<option_spec> all_specs() { return join_specs({own_specs, capability_option_specs, ci_option_specs, tls_option_specs}); }

}  // namespace

int run_fuzzing_client(std::span<const std::string> args) {
    const auto specs = all_specs();
    const auto a = parse_args(args, specs);
    if (a.has("help")) {
        std::cout << format_help("wsconform client [options] ws://host:port/path\n       wsconform client -s "
                                 "fuzzingclient.json [options]",
                                 "Tests WebSocket servers: every selected case on its own connection, in tuple "
                                 "order; results are written to the outdir case by case (Autobahn-compatible JSON).",
                                 specs);
        return exit_code::ok;
    }
    if (a.positional().size() > 1) throw usage_error("give at most one server URL");

    catalogue::Spec spec;
    spec.mode = catalogue::SpecMode::fuzzing_client;
    spec.cases = {"*"};
    spec.outdir = catalogue::default_outdir(spec.mode);
    std::string spec_file;
    if (auto file = a.get("spec")) {
        spec = read_spec(*file, catalogue::SpecMode::fuzzing_client);
        spec_file = *file;
    }
    if (spec.servers.empty()) {
        // catalogue.md §5: the command-line URL is used when the spec lists no server.
        if (a.positional().empty()) throw usage_error("no server to test: give a URL or a spec with servers");
        catalogue::SpecServer e;
        e.url = a.positional().front();
        spec.servers.push_back(e);
    } else if (!a.positional().empty()) {
        throw usage_error("the spec lists servers already; leave out the URL or the spec's servers");
    }
    if (a.has("cases")) spec.cases = split_list(a.all("cases"));
    if (a.has("exclude-cases")) spec.exclude_cases = split_list(a.all("exclude-cases"));
    const std::filesystem::path outdir = a.get_or("outdir", spec.outdir);

    const auto source = case_source::load(a.get("catalogue"));
    // The fuzzer is the client, so the implementation under test is a server.
    const case_plan plan = apply_shard(
        keep_declared_capabilities(source->select(spec.cases, spec.exclude_cases, catalogue::Role::server),
                                   split_list(a.all("capability")), std::cerr),
        a);
    if (plan.empty()) throw usage_error("no case matches the selection");
    const report::ci_options ci = read_ci_options(a, *source, plan);

    const std::string where = spec_file.empty() ? std::string("options") : spec_file + ": key 'options'";
    const engine::timeouts base = apply_timeout_options({}, spec.options, where);
    std::vector<server_under_test> servers;
    for (std::size_t i = 0; i < spec.servers.size(); ++i) {
        const catalogue::SpecServer& e = spec.servers[i];
        const std::string key = "servers[" + std::to_string(i) + "]";
        std::string why;
        auto url = net::parse_ws_url(e.url, &why);
        if (!url) {
            if (spec_file.empty()) throw usage_error("bad URL '" + e.url + "': " + why);
            throw spec_error(spec_file + ": key '" + key + ".url': " + why);
        }
        server_under_test s;
        s.url = *url;
        s.agent = a.get("agent").value_or(e.agent.value_or(""));
        s.origin = e.origin;
        s.sni = e.hostname.value_or("");
        s.limits = apply_timeout_options(
            base, e.options, spec_file.empty() ? "options" : spec_file + ": key '" + key + ".options'");
        s.cases = plan;
        servers.push_back(std::move(s));
    }

    fuzzing_client_options opts;
    opts.jobs = static_cast<int>(a.number("jobs", 1, 1, 256));
    opts.resume = a.has("resume");
    opts.connect.tls = read_tls_options(a);
    opts.excluded = make_agent_exclusion(spec.exclude_agent_cases);
    for (const auto& s : servers)
        if (s.url.tls && !opts.connect.tls_context) opts.connect.tls_context = net::make_client_tls_context(opts.connect.tls);

    std::filesystem::create_directories(outdir);
    report::result_store store(outdir);
    if (opts.resume) store.load_existing();

    const int total = static_cast<int>(plan.size() * servers.size());
    progress shown(std::cout, progress::pick(a.has("quiet")), total);
    section_summary summary;

    net::asio::io_context io;
    fuzzing_client client(io, servers, opts, store);
    client.on_case_started = [&](const planned_case& c) { shown.started(c.id); };
    client.on_case_finished = [&](const report::case_result& r) {
        shown.finished(r);
        summary.add(r);
    };
    client.on_case_skipped = [&](const planned_case& c, const std::string& why, const report::case_result* r) {
        shown.skipped(c.id, why);
        if (r) summary.add(*r);
        else if (why != "interrupted") summary.add_missing(c.id);
    };
    client.on_note = [&](const std::string& line) {
        shown.done();
        std::cerr << "wsconform client: " << line << "\n";
    };

    net::asio::steady_timer ticker(io);
    std::function<void()> tick = [&] {
        ticker.expires_after(std::chrono::milliseconds(500));
        ticker.async_wait([&](const net::error_code& ec) {
            if (ec) return;
            shown.tick();
            tick();
        });
    };
    tick();

    fuzzing_client::outcome result;
    auto signals = on_stop_signal(io, [&] { client.stop(); });
    client.run([&](const fuzzing_client::outcome& o) {
        result = o;
        ticker.cancel();
        signals->cancel();
        io.stop();
    });
    io.run();

    shown.done();
    std::cout << "\n";
    summary.print(std::cout);
    // docs/exit-codes.md: a run that could not finish is no conformance statement,
    // so its code wins over the gate's; the reports are written all the same.
    report_written(outdir, std::cout);
    const int gate = finish_ci(outdir, store.results(), ci);
    // The gate line above judges only the results there are; say when the exit code
    // is about the run instead, so a log reading "PASS" is not taken for a pass.
    if (result.interrupted) {
        std::cout << "exit " << exit_code::interrupted << ": interrupted; the gate covers only the cases that finished\n";
        return exit_code::interrupted;
    }
    if (result.ran == 0 && result.unreachable_servers > 0) {
        std::cout << "exit " << exit_code::unreachable << ": no server could be reached; nothing was tested\n";
        return exit_code::unreachable;
    }
    return gate;
}

}  // namespace wsc::cli
