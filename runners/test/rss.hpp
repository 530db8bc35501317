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

}  // namespace wsc::test
