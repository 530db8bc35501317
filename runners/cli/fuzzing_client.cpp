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

namespace {

// Concurrency can delay or refuse a case, never make it pass: a clean pass is final.
bool clean_pass(const report::case_result& r) {
    namespace b = report::behavior;
    const bool main_ok = r.behavior == b::ok || r.behavior == b::informational || r.behavior == b::unimplemented;
    const bool close_ok = r.behavior_close == b::ok || r.behavior_close == b::informational;
    return main_ok && close_ok;
}

std::string one_line(std::string s, std::size_t max) {
    for (auto& c : s)
        if (c == '\n' || c == '\r') c = ' ';
    if (s.size() > max) s = s.substr(0, max) + "...";
    return s;
}

std::string first_run_text(const report::case_result& first, int jobs) {
    return "its first run, while other cases ran beside it (--jobs " + std::to_string(jobs) + "), gave " +
           first.behavior + " / " + first.behavior_close + (first.result.empty() ? "" : ": " + one_line(first.result, 200));
}

}  // namespace

void fuzzing_client::stop() {
    if (stopped_ || finished_) return;
    stopped_ = true;
    outcome_.interrupted = true;
    auto running = std::move(running_);
    running_.clear();
    // Aborted cases come back through case_done, which drops them while stopped.
    for (const auto& d : running) d->abort();
    // A finished case keeps its result even when its re-run never happened.
    if (rerunning_) deferred_.insert(deferred_.begin(), *rerunning_);
    rerunning_.reset();
    keep_deferred("not re-run alone: the run was interrupted");
    record_owed();
    // A connect still pending may take its full timeout; the run ends without it
    // (its handler sees stopped_ and does nothing).
    finish_run();
}

void fuzzing_client::finish_run() {
    if (finished_) return;
    finished_ = true;
    done_(outcome_);
}

void fuzzing_client::record_owed() {
    if (server_ >= servers_.size()) return;
    const server_under_test& s = servers_[server_];
    std::string name = agent_.empty() ? s.url.to_string() : agent_;
    for (const auto& [label, ids] : outcome_.owed)
        if (label == name) return;  // already recorded (stop after the server finished)
    std::vector<std::string> ids;
    for (const auto& c : s.cases)
        if (agent_.empty() || !opts_.excluded || !opts_.excluded(agent_, c.id)) ids.push_back(c.id);
    outcome_.owed.emplace_back(std::move(name), std::move(ids));
}

void fuzzing_client::next_server() {
    if (finished_) return;
    record_owed();
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
    // Every case has had its first run: the disturbed ones go again, one at a time.
    if (!stopped_ && !unreachable_ && in_flight_ == 0 && next_ >= s.cases.size() && start_rerun()) return;
    maybe_finish_server();
}

bool fuzzing_client::start_rerun() {
    if (rerunning_ || deferred_.empty()) return false;
    rerunning_ = std::move(deferred_.front());
    deferred_.erase(deferred_.begin());
    start_case(*rerunning_->c);
    return true;
}

void fuzzing_client::keep_deferred(const std::string& why) {
    // First runs that cannot be repeated (the server went away, or the user
    // stopped the run) are stored as they are, saying so.
    auto pending = std::move(deferred_);
    deferred_.clear();
    for (auto& d : pending) {
        d.first.note += (d.first.note.empty() ? "" : " ") + why + "; it ran while other cases ran beside it (--jobs " +
                        std::to_string(opts_.jobs) + "), so its verdict may be the neighbours' doing";
        store(std::move(d.first), *d.c);
    }
}

void fuzzing_client::maybe_finish_server() {
    if (finished_ || stopped_ || in_flight_ > 0 || advancing_ || rerunning_) return;
    const server_under_test& s = servers_[server_];
    if (unreachable_ || next_ >= s.cases.size()) {
        if (!unreachable_ && !deferred_.empty()) return;  // start_rerun() takes them
        keep_deferred("not re-run alone: the server became unreachable");
        // Later servers still run after an unreachable one (catalogue.md §5).
        advancing_ = true;
        net::asio::post(io_, [this] {
            advancing_ = false;
            next_server();
        });
    }
}

void fuzzing_client::start_case(const planned_case& c) {
    // Whatever is in flight now runs beside this case, and this case beside it.
    const bool crowded = in_flight_ > 0;
    for (auto& [other, flag] : overlapped_) flag = flag || crowded;
    overlapped_[&c] = crowded;
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
            overlapped_.erase(&c);
            give_up("cannot connect to " + s.url.to_string() + ": " + ec.message());
            if (rerunning_ && rerunning_->c == &c) {
                // The re-run could not connect: keep the first run's result, flagged.
                deferred_.insert(deferred_.begin(), std::move(*rerunning_));
                rerunning_.reset();
            } else if (on_case_skipped) {
                on_case_skipped(c, "server unreachable", nullptr);
            }
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
    const bool crowded = overlapped_[&c];
    overlapped_.erase(&c);
    if (agent_.empty()) {
        // catalogue.md §5: the spec's agent, else the Server header, else UnknownServer.
        agent_ = !r.agent.empty() ? r.agent : server_header_of(r.http_response);
        if (agent_.empty()) agent_ = "UnknownServer";
    }
    if (rerunning_ && rerunning_->c == &c) {
        r.note += (r.note.empty() ? "" : " ") + std::string("Re-run alone before its verdict was final: ") +
                  first_run_text(rerunning_->first, opts_.jobs) + ".";
        rerunning_.reset();
        ++outcome_.rerun;
        store(std::move(r), c);
        return launch_more();
    }
    if (crowded && !clean_pass(r)) {
        if (on_case_deferred) on_case_deferred(c, r);
        deferred_.push_back({&c, std::move(r)});
        return launch_more();
    }
    store(std::move(r), c);
    launch_more();
}

void fuzzing_client::store(report::case_result r, const planned_case& c) {
    r.agent = agent_;
    if (r.position == 0) r.position = c.position;  // client mode: the global position
    if (r.id.empty()) r.id = c.id;
    store_.add(r);
    ++outcome_.ran;
    if (on_case_finished) on_case_finished(r);
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
