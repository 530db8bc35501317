// Resident memory of this process, for "memory stays bounded" checks.
#pragma once

#include <cstddef>
#include <fstream>
#include <string>

namespace wsc::test {

// VmRSS from /proc/self/status (or /proc/PID/status), in KiB; 0 if unknown.
inline std::size_t rss_kib(const std::string& pid = "self") {
    std::ifstream in("/proc/" + pid + "/status");
    std::string key;
    while (in >> key) {
        if (key == "VmRSS:") {
            std::size_t kib = 0;
            in >> kib;
            return kib;
        }
        std::getline(in, key);
    }
    return 0;
}

// The bound "memory stays bounded" tests hold a process to while a peer floods it.
// AddressSanitizer keeps up to 256 MiB of freed blocks in quarantine and adds shadow
// memory, so under it the bound is wider; a flood of 1-2 GiB still overruns it.
inline constexpr std::size_t flood_rss_limit_kib() {
#if defined(__SANITIZE_ADDRESS__)
    return std::size_t(768) * 1024;
#else
    return std::size_t(256) * 1024;
#endif
}

}  // namespace wsc::test
