// Every server subcommand prints "listening on ws://127.0.0.1:PORT/ ..." first, so a
// test that starts one with --port 0 learns its port from that line.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>

#include "child_process.hpp"

namespace wsc::test {

// The port from the first "listening on" line among the next `max_lines` lines; 0 if none.
inline std::uint16_t listening_port(child_process& p, int max_lines = 5) {
    for (int i = 0; i < max_lines; ++i) {
        auto line = p.read_line(std::chrono::seconds(5));
        if (!line) return 0;
        const auto colon = line->rfind(':');
        if (line->rfind("listening on ", 0) == 0 && colon != std::string::npos)
            return static_cast<std::uint16_t>(std::stoi(line->substr(colon + 1)));
    }
    return 0;
}

inline std::string ws_url(std::uint16_t port) { return "ws://127.0.0.1:" + std::to_string(port); }

}  // namespace wsc::test
