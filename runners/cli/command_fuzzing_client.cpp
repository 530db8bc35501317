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
#include "run_end.hpp"
#include "run_options.hpp"
#include "section_summary.hpp"
#include "spec_warnings.hpp"
#include "stop_signals.hpp"
#include "tls_args.hpp"

namespace wsc::cli {

namespace {

constexpr std::array own_specs{
    option_spec{"spec", 's', "FILE", "fuzzingclient.json: servers, cases, exclude-cases, options, outdir"},
    option_spec{"agent", 'a', "NAME", "report name of the server (default: its Server header)"},
    option_spec{"outdir", 'o', "DIR", "report directory (default ./reports/servers)"},
    option_spec{"resume", 0, "", "skip cases whose results are already in the outdir"},
    option_spec{"jobs", 'j', "N",
                "run up to N cases at once (default 1); a case that fails while others run is re-run alone"},
    option_spec{"help", 'h', "", "show this help"},
};

std::vector<option_spec> all_specs() {
    return join_specs({own_specs, selection_option_specs, run_option_specs, capability_option_specs, ci_option_specs,
                       tls_option_specs});
}

}  // namespace

int run_fuzzing_client(std::span<const std::string> args) {
    const run_clock clock;
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

    // Every flag is checked before the first case: a typo must not cost a run.
    const int jobs = static_cast<int>(a.integer("jobs", 1, 1, 256));
    catalogue::Spec spec;
    spec.mode = catalogue::SpecMode::fuzzing_client;
    spec.cases = {"*"};
    spec.outdir = catalogue::default_outdir(spec.mode);
    std::string spec_file;
    if (auto file = a.get("spec")) {
        spec = read_spec(*file, catalogue::SpecMode::fuzzing_client);
        spec_file = *file;
        warn_unimplemented_keys(spec, spec_file, std::cerr);
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
    apply_selection_flags(spec, a);
    const std::filesystem::path outdir = a.get_or("outdir", spec.outdir);

    const auto source = case_source::load(a.get("catalogue"));
    const auto declared = split_list(a.all("capability"));
    check_capability_names(declared, source->catalogue());
    // The fuzzer is the client, so the implementation under test is a server.
    const case_plan plan = apply_shard(
        keep_declared_capabilities(source->select(spec.cases, spec.exclude_cases, catalogue::Role::server), declared,
                                   std::cerr),
        a);
    if (plan.empty()) throw usage_error("no case matches the selection");
    report::ci_options ci = read_ci_options(a, *source, plan);

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
        s.limits = apply_timeout_flag(
            apply_timeout_options(base, e.options,
                                  spec_file.empty() ? "options" : spec_file + ": key '" + key + ".options'"),
            a);
        s.cases = plan;
        servers.push_back(std::move(s));
    }

    fuzzing_client_options opts;
    opts.jobs = jobs;
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
    client.on_case_deferred = [&](const planned_case&, const report::case_result& first) { shown.deferred(first); };
    client.on_case_skipped = [&](const planned_case& c, const std::string& why, const report::case_result* r) {
        shown.skipped(c.id, why);
        if (r) summary.add(*r);
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

    // Each server owed its cases under the name its results carry (completeness.hpp).
    ci.expected.emplace();
    for (const auto& [name, ids] : result.owed) report::merge_expected(*ci.expected, {{name, ids}});
    run_end_state state;
    state.interrupted = result.interrupted;
    if (result.ran == 0 && result.unreachable_servers > 0 && !opts.resume)
        state.nothing_tested = "no server could be reached";
    return end_run(outdir, store, std::move(ci), summary, clock, state, std::cout);
}

}  // namespace wsc::cli
