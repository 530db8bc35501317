#include "wsc/net/self_hold.hpp"

#include <utility>
#include <vector>

namespace wsc::net {

asio::execution_context::id self_hold_registry::id;

self_hold_registry::self_hold_registry(asio::execution_context& ctx) : asio::execution_context::service(ctx) {}

std::uint64_t self_hold_registry::hold(std::shared_ptr<void> object) {
    std::lock_guard lock(mutex_);
    const std::uint64_t token = next_token_++;
    held_.emplace(token, std::move(object));
    return token;
}

std::shared_ptr<void> self_hold_registry::release(std::uint64_t token) {
    std::lock_guard lock(mutex_);
    const auto it = held_.find(token);
    if (it == held_.end()) return nullptr;
    auto object = std::move(it->second);
    held_.erase(it);
    return object;
}

void self_hold_registry::shutdown() {
    // Destroyed outside the lock: an object's destructor may release another.
    std::vector<std::shared_ptr<void>> going;
    {
        std::lock_guard lock(mutex_);
        going.reserve(held_.size());
        for (auto& [token, object] : held_) going.push_back(std::move(object));
        held_.clear();
    }
}

void self_hold::hold(const asio::any_io_executor& ex, std::shared_ptr<void> self) {
    if (registry_) return;
    registry_ = &asio::use_service<self_hold_registry>(asio::query(ex, asio::execution::context));
    token_ = registry_->hold(std::move(self));
}

std::shared_ptr<void> self_hold::release() {
    if (!registry_) return nullptr;
    auto object = registry_->release(token_);
    registry_ = nullptr;
    return object;
}

}  // namespace wsc::net
