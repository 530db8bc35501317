#include "wsc/report/html_report.hpp"
#include "wsc/report/text.hpp"

namespace wsc::report::html {

namespace {

// The Host header and request target of a raw request head, "" when absent.
std::pair<std::string, std::string> host_and_target(const std::string& head) {
    std::string host, target;
    const auto line_end = head.find("\r\n");
    const std::string first = head.substr(0, line_end);
    if (const auto sp1 = first.find(' '); sp1 != std::string::npos) {
        const auto sp2 = first.find(' ', sp1 + 1);
        target = first.substr(sp1 + 1, sp2 == std::string::npos ? std::string::npos : sp2 - sp1 - 1);
    }
    std::size_t pos = line_end == std::string::npos ? head.size() : line_end + 2;
    while (pos < head.size()) {
        auto end = head.find("\r\n", pos);
        if (end == std::string::npos) end = head.size();
        const std::string line = head.substr(pos, end - pos);
        const auto colon = line.find(':');
        if (colon == 4) {
            std::string name = line.substr(0, 4);
            for (auto& c : name) c = static_cast<char>(c | 0x20);
            if (name == "host") {
                host = line.substr(5);
                while (!host.empty() && (host.front() == ' ' || host.front() == '\t')) host.erase(0, 1);
                while (!host.empty() && (host.back() == ' ' || host.back() == '\t')) host.pop_back();
            }
        }
        pos = end + 2;
    }
    return {host, target};
}

// For the trailing shell comment: a line break there would start a new command.
std::string one_line(std::string s) {
    for (auto& c : s)
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) c = '?';
    return s;
}

}  // namespace

std::string rerun_command(const case_result& r) {
    const auto [host, target] = host_and_target(r.http_request);
    if (!r.close.is_server) {
        // We were the client: the request head is ours and names the server.
        std::string url = "ws://" + (host.empty() ? std::string("HOST:PORT") : host);
        url += target.empty() || target[0] != '/' ? std::string("/") : target;
        return "wsconform client " + text::shell_quote(url) + " --cases " + text::shell_quote(r.id) + " --agent " +
               text::shell_quote(r.agent);
    }
    // We were the server; the client under test reconnects to runCase with its agent.
    const std::string where = host.empty() ? std::string("127.0.0.1:9001") : host;
    const auto colon = where.rfind(':');
    const std::string port = colon == std::string::npos || where.back() == ']' ? "9001" : where.substr(colon + 1);
    return "wsconform server --port " + text::shell_quote(port) + " --cases " + text::shell_quote(r.id) +
           one_line("  # then point the client at ws://" + where + "/runCase?casetuple=" + r.id + "&agent=" + r.agent);
}

}  // namespace wsc::report::html
