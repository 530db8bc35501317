// RFC 6455 §7.4 status codes: which ones may appear in a close frame on the wire.
#pragma once

#include <cstdint>

namespace wsc {

namespace close_code {
constexpr std::uint16_t normal = 1000, going_away = 1001, protocol_error = 1002, unsupported_data = 1003,
                        no_status = 1005, abnormal = 1006, invalid_payload = 1007, policy_violation = 1008,
                        message_too_big = 1009, mandatory_extension = 1010, internal_error = 1011,
                        tls_handshake = 1015;
}

// 1000-1003, 1007-1011 and 3000-4999 may be sent; 1004-1006, 1015, 0-999, 1016-2999
// and >= 5000 may not (§7.4.1 reserves them, §7.4.2 ranges). 1012-1014 were
// registered with IANA after RFC 6455 and are accepted too.
bool is_valid_close_code(std::uint32_t code) noexcept;

}  // namespace wsc
