#include "fuzzing_client.hpp"

#include "utc_stamp.hpp"
#include "wsc/http.hpp"

namespace wsc::cli {

std::string server_header_of(const std::string& raw_response) {
    http_head_reader reader(http_head_reader::kind::response, 64 * 1024);
    reader.receive(raw_response);
    if (auto v = reader.head().value("Server")) return std::string(*v);
    return {};
}

fuzzing_client::fuzzing_client(net::asio::io_context& io, std::vector<server_under_test> servers,
                               fuzzing_client_options opts, report::result_store& store)
    : io_(io), servers_(std::move(servers)), opts_(std::move(opts)), store_(store) {
    if (opts_.jobs < 1) opts_.jobs = 1;
}

void fuzzing_client::run(std::function<void(const outcome&)> done) {
    done_ = std::move(done);
    server_ = 0;
    if (servers_.empty()) return finish_run();
    agent_ = servers_[0].agent;
    next_ = 0;
    launch_more();
}

void fuzzing_client::stop() {
    if (stopped_ || finished_) return;
    stopped_ = true;
    outcome_.interrupted = true;
    auto running = std::move(running_);
    running_.clear();
    // Aborted cases come back through case_done, which drops them while stopped.
    for (const auto& d : running) d->abort();
    // A connect still pending may take its full timeout; the run ends without it
    // (its handler sees stopped_ and does nothing).
    finish_run();
}

void fuzzing_client::finish_run() {
    if (finished_) return;
    finished_ = true;
    done_(outcome_);
}

void fuzzing_client::next_server() {
    if (finished_) return;
    ++server_;
    if (server_ >= servers_.size() || stopped_) return finish_run();
    next_ = 0;
    unreachable_ = false;
    agent_ = servers_[server_].agent;
    launch_more();
}

void fuzzing_client::launch_more() {
    server_under_test& s = servers_[server_];
    while (!stopped_ && !unreachable_ && in_flight_ < opts_.jobs && next_ < s.cases.size()) {
        // Until the agent is known (from the first Server header) one case runs
        // alone, so exclusions and --resume can apply to the rest.
        if (agent_.empty() && in_flight_ > 0) break;
        const planned_case& c = s.cases[next_++];
        if (!agent_.empty()) {
            if (opts_.excluded && opts_.excluded(agent_, c.id)) {
                if (on_case_skipped) on_case_skipped(c, "excluded for agent " + agent_, nullptr);
                continue;
            }
            if (opts_.resume && store_.has(agent_, c.id)) {
                if (on_case_skipped) on_case_skipped(c, "already in the outdir", &store_.results().at(agent_).at(c.id));
                continue;
            }
        }
        start_case(c);
    }
    maybe_finish_server();
}

void fuzzing_client::maybe_finish_server() {
    if (finished_ || stopped_ || in_flight_ > 0 || advancing_) return;
    const server_under_test& s = servers_[server_];
    if (unreachable_ || next_ >= s.cases.size()) {
        // Later servers still run after an unreachable one (catalogue.md §5).
        advancing_ = true;
        net::asio::post(io_, [this] {
            advancing_ = false;
            next_server();
        });
    }
}

void fuzzing_client::start_case(const planned_case& c) {
    ++in_flight_;
    if (on_case_started) on_case_started(c);
    const server_under_test& s = servers_[server_];
    net::connect_options connect = opts_.connect;
    if (!s.sni.empty()) connect.tls.sni = s.sni;
    const std::size_t server_index = server_;
    net::async_connect(io_, s.url, connect, [this, &c, server_index](const net::error_code& ec,
                                                                    std::shared_ptr<net::transport> t) {
        if (stopped_) return;
        const server_under_test& s = servers_[server_index];
        if (ec) {
            --in_flight_;
            give_up("cannot connect to " + s.url.to_string() + ": " + ec.message());
            if (on_case_skipped) on_case_skipped(c, "server unreachable", nullptr);
            return launch_more();
        }
        // `started` and the clock begin once TCP is connected (catalogue.md §7.3).
        engine::session_config cfg;
        cfg.fuzzer_role = role::client;
        cfg.agent = agent_;
        cfg.host = s.url.host_header();
        cfg.target = s.url.target;
        cfg.origin = s.origin;
        cfg.limits = s.limits;
        cfg.random = system_random();
        cfg.started_utc = utc_stamp_now();
        auto driver = std::make_shared<net::session_driver>(t, engine::session(*c.tc, std::move(cfg)),
                                                            net::connection_clock{});
        running_.insert(driver);
        net::session_driver* raw = driver.get();
        driver->start({}, [this, &c, raw](const report::case_result& r) { case_done(r, c, raw); });
    });
}

void fuzzing_client::case_done(report::case_result r, const planned_case& c, net::session_driver* d) {
    if (stopped_) return;
    --in_flight_;
    for (auto it = running_.begin(); it != running_.end(); ++it)
        if (it->get() == d) {
            running_.erase(it);
            break;
        }
    if (agent_.empty()) {
        // catalogue.md §5: the spec's agent, else the Server header, else UnknownServer.
        agent_ = !r.agent.empty() ? r.agent : server_header_of(r.http_response);
        if (agent_.empty()) agent_ = "UnknownServer";
    }
    r.agent = agent_;
    if (r.position == 0) r.position = c.position;  // client mode: the global position
    if (r.id.empty()) r.id = c.id;
    store_.add(r);
    ++outcome_.ran;
    if (on_case_finished) on_case_finished(r);
    launch_more();
}

void fuzzing_client::give_up(const std::string& why) {
    if (unreachable_) return;
    unreachable_ = true;
    ++outcome_.unreachable_servers;
    if (on_note) on_note(why + "; the remaining cases of this server are missing");
    server_under_test& s = servers_[server_];
    for (; next_ < s.cases.size(); ++next_)
        if (on_case_skipped) on_case_skipped(s.cases[next_], "server unreachable", nullptr);
}

}  // namespace wsc::cli
