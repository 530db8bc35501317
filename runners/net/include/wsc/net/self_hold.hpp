// A connection object owns itself from start() until its connection ends: while its
// reading is paused behind a full write queue, no Asio handler holds it. A plain
// member shared_ptr to itself would be a cycle that outlives the io_context when a
// process stops with connections still open (LeakSanitizer reports it). So the
// self-reference is parked in a service of the object's io_context instead, which
// lets go of everything it still holds when the io_context is destroyed.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <unordered_map>

#include "wsc/net/asio.hpp"

namespace wsc::net {

class self_hold_registry : public asio::execution_context::service {
public:
    static asio::execution_context::id id;
    explicit self_hold_registry(asio::execution_context& ctx);

    std::uint64_t hold(std::shared_ptr<void> object);
    // The held pointer (empty if it was never held or the io_context is going away).
    std::shared_ptr<void> release(std::uint64_t token);

private:
    void shutdown() override;

    std::mutex mutex_;
    std::unordered_map<std::uint64_t, std::shared_ptr<void>> held_;
    std::uint64_t next_token_ = 1;
};

// The member a self-owning object keeps. Not copyable; it must not be used once the
// io_context it was held in is destroyed.
class self_hold {
public:
    self_hold() = default;
    self_hold(const self_hold&) = delete;
    self_hold& operator=(const self_hold&) = delete;

    void hold(const asio::any_io_executor& ex, std::shared_ptr<void> self);
    // Returns the reference so the caller can keep the object alive to the end of
    // the function that ends it.
    std::shared_ptr<void> release();

private:
    self_hold_registry* registry_ = nullptr;
    std::uint64_t token_ = 0;
};

}  // namespace wsc::net
