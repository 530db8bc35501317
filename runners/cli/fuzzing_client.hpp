// `wsconform client`: tests WebSocket servers the way Autobahn's fuzzingclient does
// (catalogue.md §5): servers in order; for each, every selected case in tuple order
// on a fresh connection to the same URL. With jobs > 1, up to that many cases of
// one server run at once; each result is stored as soon as its case ends.
//
// Verdicts must not depend on --jobs: a peer that serves one connection at a time
// makes a neighbour's handshake time out, a loaded one answers late. So a case
// that ran while another case of the same server was running, and whose verdict
// is not a clean pass, is not final: it is played again alone once the server's
// other cases are done, and that verdict is stored, its note saying what the
// first run gave. A clean pass (OK or INFORMATIONAL both ways, or UNIMPLEMENTED)
// is final either way: concurrency can only make a case fail, never pass.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "case_plan.hpp"
#include "wsc/engine/session.hpp"
#include "wsc/net/connect.hpp"
#include "wsc/net/session_driver.hpp"
#include "wsc/net/url.hpp"
#include "wsc/report/autobahn_json.hpp"

namespace wsc::cli {

struct server_under_test {
    net::ws_url url;
    std::string agent;  // empty: the Server header of the first 101, else UnknownServer
    std::optional<std::string> origin;
    std::string sni;  // TLS server name; empty: the URL host
    engine::timeouts limits;
    case_plan cases;
};

struct fuzzing_client_options {
    int jobs = 1;
    bool resume = false;  // skip cases the store already holds for the agent
    net::connect_options connect;
    agent_exclusion excluded;
};

class fuzzing_client {
public:
    struct outcome {
        int ran = 0;                  // cases that produced a result in this run
        int rerun = 0;                // cases played again alone (see above)
        int unreachable_servers = 0;  // servers whose connection failed
        bool interrupted = false;
        // Per server, the name its results are filed under (the agent, or the URL
        // when no case ever got an answer) and the cases it owed: the plan less
        // exclude-agent-cases. What has no result is missing (exit 4).
        std::vector<std::pair<std::string, std::vector<std::string>>> owed;
    };

    std::function<void(const planned_case&)> on_case_started;
    std::function<void(const report::case_result&)> on_case_finished;
    // A case that did not run: excluded, already on disk (--resume), or missing
    // because the server went unreachable. `result` is set for resumed cases.
    std::function<void(const planned_case&, const std::string& why, const report::case_result* result)>
        on_case_skipped;
    std::function<void(const std::string& line)> on_note;
    // A case whose first run may have been disturbed by a neighbour; it will be
    // played again alone. `first` is what that run gave (not stored).
    std::function<void(const planned_case&, const report::case_result& first)> on_case_deferred;

    fuzzing_client(net::asio::io_context& io, std::vector<server_under_test> servers, fuzzing_client_options opts,
                   report::result_store& store);
    void run(std::function<void(const outcome&)> done);
    // SIGINT: start nothing new, abort running cases (their partial results are not
    // stored), then report.
    void stop();

private:
    void next_server();
    void launch_more();
    void start_case(const planned_case& c);
    void case_done(report::case_result r, const planned_case& c, net::session_driver* d);
    void store(report::case_result r, const planned_case& c);
    bool start_rerun();
    void keep_deferred(const std::string& why);
    void record_owed();
    void give_up(const std::string& why);
    void maybe_finish_server();
    void finish_run();

    net::asio::io_context& io_;
    std::vector<server_under_test> servers_;
    fuzzing_client_options opts_;
    report::result_store& store_;
    std::function<void(const outcome&)> done_;
    outcome outcome_;

    std::size_t server_ = 0;  // index into servers_
    std::size_t next_ = 0;    // next case of the current server
    int in_flight_ = 0;
    std::string agent_;
    bool unreachable_ = false, stopped_ = false, finished_ = false, advancing_ = false;
    std::set<std::shared_ptr<net::session_driver>> running_;
    // In-flight cases of the current server, each flagged once another case ran
    // beside it.
    std::map<const planned_case*, bool> overlapped_;
    struct deferred {
        const planned_case* c;
        report::case_result first;
    };
    std::vector<deferred> deferred_;  // to be played again alone, in order
    std::optional<deferred> rerunning_;
};

// The Server header of a raw response head, or "" (catalogue.md §5: agent fallback).
std::string server_header_of(const std::string& raw_response);

}  // namespace wsc::cli
