// RFC 6455 §5.2 opcodes and §11.8 registry.
#pragma once

#include <cstdint>
#include <string_view>

namespace wsc {

enum class opcode : std::uint8_t {
    continuation = 0x0,
    text = 0x1,
    binary = 0x2,
    close = 0x8,
    ping = 0x9,
    pong = 0xA,
};

constexpr bool is_control(std::uint8_t op) noexcept { return (op & 0x8) != 0; }
constexpr bool is_reserved(std::uint8_t op) noexcept {
    return (op >= 0x3 && op <= 0x7) || op >= 0xB;
}
std::string_view opcode_name(std::uint8_t op) noexcept;  // "text", "op3", ...

}  // namespace wsc
