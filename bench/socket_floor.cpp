// The kernel's share of sections 1-10 over loopback, without any WebSocket work: the
// same connections, write calls, event-loop passes and round trips that `wsconform
// client` makes against the echo server, played by plain POSIX sockets against a forked
// echo child. Its CPU (the client side only, as getrusage(RUSAGE_SELF) of the parent)
// is the floor that a client doing this traffic cannot go below on this machine;
// bench/catalogue_run runs it beside the real client and prints the ratio.
//
//     socket_floor            # prints one line: "floor user U sys S cpu C wall W"
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <numeric>
#include <vector>

namespace {

[[noreturn]] void die(const char* what) {
    std::perror(what);
    std::exit(2);
}

void no_delay(int fd) {
    int one = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
}

// One message each way: the client's write calls, and whether each write after the
// first waits for a pass of the poller, as catalogue.md §1.1 asks of chopped slices
// (a separate event-loop turn each), so that the peer may read every slice alone.
struct exchange {
    std::vector<std::size_t> writes;
    bool turn_per_write = false;
    std::size_t total() const { return std::accumulate(writes.begin(), writes.end(), std::size_t{0}); }
};
using connection_plan = std::vector<exchange>;

// The echo peer plays the same plan: it answers each message once all of it has
// arrived, as a WebSocket echo answers a whole message, not every segment.
[[noreturn]] void echo_child(int listener, const std::vector<connection_plan>& plan) {
    std::vector<char> buf(16 << 20);
    for (const auto& conn : plan) {
        const int c = accept(listener, nullptr, nullptr);
        if (c < 0) _exit(1);
        no_delay(c);
        for (const auto& x : conn) {
            const std::size_t total = x.total();
            for (std::size_t got = 0; got < total;) {
                const ssize_t r = read(c, buf.data() + got, total - got);
                if (r <= 0) _exit(1);
                got += static_cast<std::size_t>(r);
            }
            for (std::size_t at = 0; at < total;) {
                const ssize_t w = write(c, buf.data() + at, total - at);
                if (w <= 0) _exit(1);
                at += static_cast<std::size_t>(w);
            }
        }
        while (read(c, buf.data(), buf.size()) > 0) {
        }
        close(c);
    }
    _exit(0);
}

struct client {
    int fd;
    std::vector<char> in = std::vector<char>(1 << 16);

    explicit client(const sockaddr_in& to) {
        fd = socket(AF_INET, SOCK_STREAM, 0);
        if (fd < 0 || connect(fd, reinterpret_cast<const sockaddr*>(&to), sizeof to) != 0) die("connect");
        no_delay(fd);
        fcntl(fd, F_SETFL, O_NONBLOCK);
    }
    ~client() {
        shutdown(fd, SHUT_WR);
        close(fd);
    }

    // Sends the message's writes while reading back the echo, until all of it is back.
    void play(const exchange& x) {
        static const std::vector<char> out(16 << 20, '*');
        const std::size_t total = x.total();
        std::size_t w = 0, w_at = 0, got = 0;
        while (got < total) {
            bool turn = false;
            while (w < x.writes.size() && !turn) {
                const ssize_t n = send(fd, out.data(), x.writes[w] - w_at, MSG_NOSIGNAL);
                if (n < 0) break;
                w_at += static_cast<std::size_t>(n);
                if (w_at == x.writes[w]) {
                    ++w;
                    w_at = 0;
                    turn = x.turn_per_write && w < x.writes.size();
                }
            }
            pollfd p{fd, static_cast<short>(POLLIN | (w < x.writes.size() ? POLLOUT : 0)), 0};
            if (turn) {
                // The pass between two slices: read only what is already there.
                if (poll(&p, 1, 0) > 0 && (p.revents & POLLIN)) got += receive();
                continue;
            }
            const std::size_t r = receive();
            if (r > 0) {
                got += r;
                continue;
            }
            poll(&p, 1, -1);
        }
    }

    std::size_t receive() {
        const ssize_t r = recv(fd, in.data(), in.size(), 0);
        if (r == 0) die("echo closed");
        return r > 0 ? static_cast<std::size_t>(r) : 0;
    }
};

// One frame of `payload` octets with a client's header (mask included).
std::size_t framed(std::size_t payload) { return payload + (payload <= 125 ? 6 : payload <= 65535 ? 8 : 14); }

const exchange handshake{{240}};  // about the opening handshake's size

connection_plan bulk(std::size_t payload, std::size_t fragment) {
    std::size_t wire = 0;
    if (fragment == 0 || payload <= fragment) {
        wire = framed(payload);
    } else {
        for (std::size_t at = 0; at < payload; at += fragment) wire += framed(std::min(fragment, payload - at));
        if (payload % fragment == 0) wire += framed(0);
    }
    return {handshake, exchange{{wire}}};
}

std::vector<connection_plan> sections_1_to_10() {
    std::vector<connection_plan> plan;
    // Sections 1-7 and 10: 247 short cases, each a connection, the handshake, a few
    // small frames each way and the closing handshake.
    for (int i = 0; i < 247; ++i) plan.push_back({handshake, exchange{{30}}, exchange{{8}}});
    const std::size_t KiB = 1024, MiB = 1024 * KiB;
    // 9.1 / 9.2: one frame of each size; 9.3 / 9.4: 4 MiB in fragments.
    for (int twice = 0; twice < 2; ++twice) {
        for (std::size_t n : {64 * KiB, 256 * KiB, 1 * MiB, 4 * MiB, 8 * MiB, 16 * MiB}) plan.push_back(bulk(n, 0));
        for (std::size_t f : {64 * 1ul, 256ul, 1 * KiB, 4 * KiB, 16 * KiB, 64 * KiB, 256 * KiB, 1 * MiB, 4 * MiB})
            plan.push_back(bulk(4 * MiB, f));
    }
    // 9.5 / 9.6: one 1 MiB frame in slices of 64 ... 2048 octets, a send call and a
    // poller pass each.
    for (int twice = 0; twice < 2; ++twice) {
        for (std::size_t chop = 64; chop <= 2048; chop *= 2) {
            exchange sliced{{}, true};
            const std::size_t wire = framed(MiB);
            for (std::size_t at = 0; at < wire; at += chop) sliced.writes.push_back(std::min(chop, wire - at));
            plan.push_back({handshake, sliced});
        }
    }
    // 9.7 / 9.8: 1000 round trips at each size, strictly one at a time.
    for (int twice = 0; twice < 2; ++twice) {
        for (std::size_t n : {0ul, 16ul, 64ul, 256ul, 1 * KiB, 4 * KiB}) {
            connection_plan c{handshake};
            c.insert(c.end(), 1000, exchange{{framed(n)}});
            plan.push_back(std::move(c));
        }
    }
    return plan;
}

}  // namespace

int main() {
    const int listener = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof addr;
    if (listener < 0 || bind(listener, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 ||
        listen(listener, 16) != 0 || getsockname(listener, reinterpret_cast<sockaddr*>(&addr), &len) != 0)
        die("listen");
    const std::vector<connection_plan> plan = sections_1_to_10();
    const pid_t child = fork();
    if (child < 0) die("fork");
    if (child == 0) echo_child(listener, plan);
    close(listener);

    rusage r0{}, r1{};
    getrusage(RUSAGE_SELF, &r0);
    const auto t0 = std::chrono::steady_clock::now();
    for (const auto& conn : plan) {
        client c(addr);
        for (const auto& x : conn) c.play(x);
    }
    const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    getrusage(RUSAGE_SELF, &r1);

    const auto secs = [](const timeval& a, const timeval& b) {
        return static_cast<double>(b.tv_sec - a.tv_sec) + static_cast<double>(b.tv_usec - a.tv_usec) / 1e6;
    };
    const double user = secs(r0.ru_utime, r1.ru_utime), sys = secs(r0.ru_stime, r1.ru_stime);
    std::printf("floor user %.3f sys %.3f cpu %.3f wall %.3f\n", user, sys, user + sys, wall);
    int status = 0;
    waitpid(child, &status, 0);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        std::fprintf(stderr, "socket_floor: the echo child failed\n");
        return 2;
    }
    return 0;
}
