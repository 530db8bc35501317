// Time as the sans-I/O session and endpoint see it: steady seconds since the
// connection began, so timers and wire-log stamps do not jump with the wall clock.
#pragma once

#include <chrono>

namespace wsc::net {

class connection_clock {
public:
    using clock = std::chrono::steady_clock;

    connection_clock() : start_(clock::now()) {}
    void restart() { start_ = clock::now(); }
    double now_s() const { return std::chrono::duration<double>(clock::now() - start_).count(); }
    clock::time_point at(double s) const {
        return start_ + std::chrono::duration_cast<clock::duration>(std::chrono::duration<double>(s));
    }

private:
    clock::time_point start_;
};

inline std::chrono::steady_clock::duration seconds(double s) {
    return std::chrono::duration_cast<std::chrono::steady_clock::duration>(std::chrono::duration<double>(s));
}

}  // namespace wsc::net
