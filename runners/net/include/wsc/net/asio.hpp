// The one place that names Boost.Asio for the runners, so every file spells it the
// same way (asio::, tcp::, error_code).
#pragma once

// Boost 1.74's asio/awaitable.hpp uses std::exchange without including <utility>;
// g++ 12's headers no longer pull it in by accident.
#include <utility>

#include <boost/asio.hpp>
#include <boost/asio/ssl.hpp>

namespace wsc::net {
namespace asio = boost::asio;
using tcp = asio::ip::tcp;
using error_code = boost::system::error_code;
}  // namespace wsc::net
