#!/bin/sh
# Proves the codec is sans-I/O (STYLE.md lesson 1): lists the symbols that the
# objects in libwsc_codec.a import and fails if any of them is a socket, file
# descriptor, polling, thread, clock or sleep call. The runners own all of those.
#
# usage: sans_io_check.sh path/to/libwsc_codec.a [nm]
set -eu

lib=${1:?usage: sans_io_check.sh libwsc_codec.a [nm]}
nm=${2:-nm}

if [ ! -f "$lib" ]; then
    echo "sans_io_check: $lib not found" >&2
    exit 2
fi

# C functions, matched exactly (after dropping a @GLIBC_x.y version tag).
forbidden='
socket socketpair connect bind listen accept accept4 shutdown
send sendto sendmsg sendmmsg recv recvfrom recvmsg recvmmsg
read write readv writev pread pwrite open openat close fopen fread fwrite
poll ppoll select pselect epoll_create epoll_create1 epoll_ctl epoll_wait epoll_pwait
kqueue kevent getaddrinfo gethostbyname
pthread_create pthread_join pthread_detach thrd_create fork
clock_gettime gettimeofday time clock sleep usleep nanosleep clock_nanosleep
'

undefined=$("$nm" -u -A "$lib" 2>/dev/null | awk '{print $NF}' | sed 's/@.*//' | sort -u)
demangled=$("$nm" -u -A -C "$lib" 2>/dev/null | sed 's/^[^ ]* *U //' | sort -u)

status=0
for sym in $forbidden; do
    if printf '%s\n' "$undefined" | grep -qx -- "$sym"; then
        echo "sans_io_check: the codec imports $sym" >&2
        status=1
    fi
done

# C++ facilities that do I/O, spawn threads or read clocks.
cxx=$(printf '%s\n' "$demangled" |
      grep -E 'std::thread|std::this_thread|std::jthread|std::chrono::[a-z_:0-9]*clock::now|boost::asio|std::basic_[io]?fstream|std::cout|std::cerr' || true)
if [ -n "$cxx" ]; then
    printf 'sans_io_check: the codec imports\n%s\n' "$cxx" >&2
    status=1
fi

count=$(printf '%s\n' "$undefined" | grep -c . || true)
if [ "$status" -eq 0 ]; then
    echo "sans_io_check: OK ($count imported symbols, none for sockets, threads or clocks)"
fi
exit $status
