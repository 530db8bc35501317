#include "wsc/opcode.hpp"

#include <array>

namespace wsc {

std::string_view opcode_name(std::uint8_t op) noexcept {
    // Reserved opcodes get stable names ("op3" .. "op15") so case tables and
    // reports can spell them.
    static constexpr std::array<std::string_view, 16> names{
        "continuation", "text", "binary", "op3",  "op4",  "op5",  "op6",  "op7",
        "close",        "ping", "pong",   "op11", "op12", "op13", "op14", "op15"};
    return op < names.size() ? names[op] : std::string_view("invalid");
}

}  // namespace wsc
