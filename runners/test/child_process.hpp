// A started program for tests: bounded in time and stopped by its PID, never by name.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace wsc::test {

class child_process {
public:
    // Starts `program args...` with stdout and stderr captured through pipes.
    child_process(const std::string& program, const std::vector<std::string>& args,
                  const std::string& workdir = {});
    ~child_process();  // SIGKILL if still running
    child_process(const child_process&) = delete;
    child_process& operator=(const child_process&) = delete;

    pid_t pid() const { return pid_; }
    // The next stdout line (without "\n"), or nullopt at EOF or timeout.
    std::optional<std::string> read_line(std::chrono::milliseconds timeout);
    // Waits for the exit; nullopt on timeout. The code is 128+N for signal N.
    std::optional<int> wait(std::chrono::milliseconds timeout);
    void signal(int sig);
    // Everything captured so far (stdout includes lines already read).
    const std::string& out();
    const std::string& err();

private:
    void drain(int fd, std::string& into);
    pid_t pid_ = -1;
    int out_fd_ = -1, err_fd_ = -1;
    std::string out_, err_;
    std::size_t line_pos_ = 0;
    std::optional<int> status_;
};

}  // namespace wsc::test
