#include "fuzzing_server.hpp"

#include <nlohmann/json.hpp>

#include "request_target.hpp"
#include "utc_stamp.hpp"
#include "wsc/handshake.hpp"
#include "wsc/net/endpoint_stream.hpp"

namespace wsc::cli {

std::string plain_description(const std::string& html) {
    std::string out;
    bool space = false;
    for (char c : html.substr(0, html.find('<'))) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            space = !out.empty();
            continue;
        }
        if (space) out.push_back(' ');
        space = false;
        out.push_back(c);
    }
    return out;
}

fuzzing_server::fuzzing_server(net::asio::io_context& io, fuzzing_server_options opts, report::result_store& store)
    : io_(io),
      opts_(std::move(opts)),
      store_(store),
      acceptor_(std::make_shared<net::accept_loop>(io_, opts_.bind_address, opts_.port, opts_.tls,
                                                   opts_.limits.open_handshake_s)) {}

void fuzzing_server::start() {
    acceptor_->start([this](std::shared_ptr<net::transport> t) {
        if (stopped_) return t->close();
        net::async_read_request_head(t, opts_.limits.open_handshake_s, 16 * 1024,
                                     [this, t](net::request_head req) {
                                         if (stopped_) return t->close();
                                         route(t, std::move(req));
                                     });
    });
}

void fuzzing_server::stop() {
    if (stopped_) return;
    stopped_ = true;
    acceptor_->stop();
    auto running = std::move(running_);
    running_.clear();
    for (const auto& d : running) d->abort();
    waiting_.clear();
}

std::optional<std::size_t> fuzzing_server::case_index(const std::map<std::string, std::string>& query) const {
    // catalogue.md §4: `case` is 1-based over the selected cases; `casetuple` names
    // an id instead; `case` wins when both are given.
    if (auto it = query.find("case"); it != query.end()) {
        try {
            std::size_t used = 0;
            const long n = std::stol(it->second, &used);
            if (used != it->second.size() || n < 1 || static_cast<std::size_t>(n) > opts_.cases.size())
                return std::nullopt;
            return static_cast<std::size_t>(n - 1);
        } catch (const std::exception&) {
            return std::nullopt;
        }
    }
    if (auto it = query.find("casetuple"); it != query.end()) {
        for (std::size_t i = 0; i < opts_.cases.size(); ++i)
            if (opts_.cases[i].id == it->second) return i;
    }
    return std::nullopt;
}

void fuzzing_server::route(std::shared_ptr<net::transport> t, net::request_head req) {
    if (req.how == net::request_head::outcome::timed_out || req.how == net::request_head::outcome::closed)
        return t->close();
    if (req.how == net::request_head::outcome::malformed) {
        // The codec's handshake answers with the status the violation calls for.
        server_handshake hs{server_handshake_config{}};
        hs.receive_data(req.raw);
        auto response = std::make_shared<std::string>(hs.response());
        return t->async_write(net::asio::buffer(*response),
                              [t, response](const net::error_code&, std::size_t) { t->close(); });
    }
    const request_target target = parse_request_target(req.head.target);
    const std::string& path = target.path;

    if (path == "/getCaseCount") return reply(t, req, std::to_string(opts_.cases.size()), std::nullopt);

    if (path == "/getCaseInfo") {
        const auto index = case_index(target.query);
        if (!index) return refuse(t, 500, "Internal Server Error", "getCaseInfo: missing or unknown case");
        const planned_case& c = opts_.cases[*index];
        const nlohmann::json info{{"id", c.id}, {"description", plain_description(c.description)}};
        return reply(t, req, info.dump(), 1000);
    }

    if (path == "/getCaseStatus") {
        const auto index = case_index(target.query);
        const auto agent = target.param("agent");
        if (!index || !agent) return refuse(t, 500, "Internal Server Error", "getCaseStatus needs case and agent");
        const std::string& id = opts_.cases[*index].id;
        if (store_.has(*agent, id)) {
            const nlohmann::json status{{"behavior", store_.results().at(*agent).at(id).behavior}};
            return reply(t, req, status.dump(), 1000);
        }
        // Held back until that case finishes (catalogue.md §4). The request head is
        // complete, so nothing more has to be read meanwhile.
        waiting_.emplace(std::make_pair(*agent, id), [this, t, req](const std::string& behavior) {
            const nlohmann::json status{{"behavior", behavior}};
            reply(t, req, status.dump(), 1000);
        });
        return;
    }

    if (path == "/updateReports") {
        if (!target.param("agent")) return refuse(t, 500, "Internal Server Error", "updateReports needs agent");
        // Results are on disk case by case already; this is the moment to render.
        if (on_update_reports) on_update_reports();
        reply(t, req, std::nullopt, 1000);
        const auto shutdown = target.param("shutdownOnComplete");
        if (shutdown && (*shutdown == "true" || *shutdown == "yes") && on_shutdown)
            net::asio::post(io_, [this] { on_shutdown(); });
        return;
    }

    if (path == "/stopServer") {
        reply(t, req, std::nullopt, 1000);
        if (on_shutdown) net::asio::post(io_, [this] { on_shutdown(); });
        return;
    }

    if (path == "/runCase") {
        const auto index = case_index(target.query);
        const auto agent = target.param("agent");
        if (!index || !agent || agent->empty())
            return refuse(t, 500, "Internal Server Error",
                          "runCase needs agent and a case between 1 and " + std::to_string(opts_.cases.size()) +
                              " (or casetuple)");
        const planned_case& c = opts_.cases[*index];
        if (opts_.excluded && opts_.excluded(*agent, c.id)) {
            // catalogue.md §4: open, close, record nothing; the case shows as missing.
            if (on_note) on_note("skipping case " + c.id + " for agent " + *agent + " (exclude-agent-cases)");
            return reply(t, req, std::nullopt, 1000);
        }
        return run_case(std::move(t), std::move(req), *index, *agent);
    }

    refuse(t, 404, "Not Found", "unknown path " + path);
}

void fuzzing_server::run_case(std::shared_ptr<net::transport> t, net::request_head req, std::size_t index,
                              std::string agent) {
    const planned_case& c = opts_.cases[index];
    engine::session_config cfg;
    cfg.fuzzer_role = role::server;
    cfg.agent = agent;
    cfg.limits = opts_.limits;
    cfg.random = system_random();
    cfg.started_utc = utc_stamp_now();
    if (on_case_started) on_case_started(agent, c);
    // The clock starts at the handshake request, where Autobahn stamps `started`.
    auto driver = std::make_shared<net::session_driver>(t, engine::session(*c.tc, std::move(cfg)),
                                                        net::connection_clock{});
    running_.insert(driver);
    const int position = static_cast<int>(index) + 1;
    net::session_driver* raw = driver.get();
    driver->start(std::move(req.raw), [this, raw, position, agent](const report::case_result& result) {
        if (stopped_) return;
        report::case_result r = result;
        if (r.agent.empty()) r.agent = agent;
        r.position = position;  // server mode: N from the request (catalogue.md §7.3)
        finished(r, raw);
    });
}

void fuzzing_server::finished(const report::case_result& r, net::session_driver* driver) {
    for (auto it = running_.begin(); it != running_.end(); ++it)
        if (it->get() == driver) {
            running_.erase(it);
            break;
        }
    store_.add(r);
    if (on_case_finished) on_case_finished(r);
    auto range = waiting_.equal_range({r.agent, r.id});
    std::vector<std::function<void(const std::string&)>> ready;
    for (auto it = range.first; it != range.second; ++it) ready.push_back(std::move(it->second));
    waiting_.erase(range.first, range.second);
    for (auto& f : ready) f(r.behavior);
}

void fuzzing_server::reply(std::shared_ptr<net::transport> t, const net::request_head& req,
                           std::optional<std::string> text, std::optional<std::uint16_t> close_code) {
    server_handshake_config cfg;
    cfg.extra_response_headers.push_back({"Server", opts_.server_header});
    auto hs = std::make_shared<server_handshake>(std::move(cfg));
    const bool accepted = hs->receive_data(req.raw) == handshake_status::accepted;
    auto response = std::make_shared<std::string>(hs->response());
    const double close_timeout = opts_.limits.close_handshake_s;
    t->async_write(net::asio::buffer(*response), [t, hs, response, accepted, text = std::move(text), close_code,
                                                  close_timeout](const net::error_code& ec, std::size_t) {
        if (ec || !accepted) return t->close();
        endpoint_config cfg;
        cfg.side = role::server;
        net::stream_limits limits;
        limits.close_timeout_s = close_timeout;
        auto s = std::make_shared<net::endpoint_stream>(t, endpoint(std::move(cfg)), limits);
        s->start(hs->take_leftover(), nullptr, nullptr);
        if (text) s->ep().send_text(*text);
        s->ep().send_close(close_code);
        s->flush();
    });
}

void fuzzing_server::refuse(std::shared_ptr<net::transport> t, int status, const std::string& reason,
                            const std::string& why) {
    if (on_note) on_note("refused a request: " + why);
    const std::string body = why + "\r\n";
    auto response = std::make_shared<std::string>("HTTP/1.1 " + std::to_string(status) + " " + reason +
                                                   "\r\nServer: " + opts_.server_header +
                                                   "\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: " +
                                                   std::to_string(body.size()) + "\r\nConnection: close\r\n\r\n" + body);
    t->async_write(net::asio::buffer(*response), [t, response](const net::error_code&, std::size_t) { t->close(); });
}

}  // namespace wsc::cli
