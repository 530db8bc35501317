// `wsconform server`: tests WebSocket clients the way Autobahn's fuzzingserver does
// (catalogue.md §4). Every request is its own WebSocket connection; the path picks
// what happens: /getCaseCount, /runCase, /getCaseInfo, /getCaseStatus,
// /updateReports, /stopServer. /runCase hands the connection, request bytes
// included, to a fuzzer session playing the server role.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "case_plan.hpp"
#include "wsc/engine/session.hpp"
#include "wsc/net/accept_loop.hpp"
#include "wsc/net/request_reader.hpp"
#include "wsc/net/session_driver.hpp"
#include "wsc/report/autobahn_json.hpp"

namespace wsc::cli {

struct fuzzing_server_options {
    std::string bind_address = "127.0.0.1";
    std::uint16_t port = 9001;
    std::shared_ptr<net::asio::ssl::context> tls;
    case_plan cases;  // selected, in tuple order: runCase?case=N is cases[N-1]
    agent_exclusion excluded;
    engine::timeouts limits;
    std::string server_header = "wsconform";
};

class fuzzing_server {
public:
    // Called as cases start and finish, for progress and the summary.
    std::function<void(const std::string& agent, const planned_case&)> on_case_started;
    std::function<void(const report::case_result&)> on_case_finished;
    std::function<void(const std::string& line)> on_note;
    // /stopServer, or /updateReports with shutdownOnComplete: the run is over.
    std::function<void()> on_shutdown;
    // /updateReports: the reports are current.
    std::function<void()> on_update_reports;

    fuzzing_server(net::asio::io_context& io, fuzzing_server_options opts, report::result_store& store);
    std::uint16_t port() const { return acceptor_->port(); }
    void start();
    // Stops accepting and aborts running cases (their results are not stored).
    void stop();
    int running() const { return static_cast<int>(running_.size()); }

private:
    struct connection;
    void route(std::shared_ptr<net::transport> t, net::request_head req);
    void run_case(std::shared_ptr<net::transport> t, net::request_head req, std::size_t index, std::string agent);
    // Accepts the handshake, then sends `text` (if any) and closes with `close_code`
    // (none: a close frame without a status code).
    void reply(std::shared_ptr<net::transport> t, const net::request_head& req, std::optional<std::string> text,
               std::optional<std::uint16_t> close_code);
    void refuse(std::shared_ptr<net::transport> t, int status, const std::string& reason, const std::string& why);
    void finished(const report::case_result& r, net::session_driver* driver);
    std::optional<std::size_t> case_index(const std::map<std::string, std::string>& query) const;

    net::asio::io_context& io_;
    fuzzing_server_options opts_;
    report::result_store& store_;
    std::shared_ptr<net::accept_loop> acceptor_;
    std::set<std::shared_ptr<net::session_driver>> running_;
    // getCaseStatus requests waiting for (agent, case id) to finish.
    std::multimap<std::pair<std::string, std::string>, std::function<void(const std::string&)>> waiting_;
    bool stopped_ = false;
};

// The getCaseInfo description: the text up to the first HTML tag, whitespace collapsed.
std::string plain_description(const std::string& html);

}  // namespace wsc::cli
