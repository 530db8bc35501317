// A fresh directory under /tmp for one test, removed afterwards.
#pragma once

#include <filesystem>
#include <fstream>
#include <random>
#include <string>

#include <nlohmann/json.hpp>

namespace wsc::test {

class temp_dir {
public:
    temp_dir() {
        std::random_device rd;
        path_ = std::filesystem::temp_directory_path() / ("wsconform-test-" + std::to_string(rd()));
        std::filesystem::create_directories(path_);
    }
    ~temp_dir() {
        std::error_code ec;
        std::filesystem::remove_all(path_, ec);
    }
    const std::filesystem::path& path() const { return path_; }
    std::string str(const std::string& child = {}) const { return (child.empty() ? path_ : path_ / child).string(); }

    void write(const std::string& name, const std::string& text) const { std::ofstream(path_ / name) << text; }
    nlohmann::json read_json(const std::string& name) const {
        std::ifstream in(path_ / name);
        return nlohmann::json::parse(in, nullptr, false);
    }

private:
    std::filesystem::path path_;
};

}  // namespace wsc::test
