#pragma once

#include <cstdint>

namespace wsc {

// Which end of the connection an endpoint plays; it decides masking (§5.1) and who
// closes TCP first (§7.1.1).
enum class role : std::uint8_t { client, server };

}  // namespace wsc
