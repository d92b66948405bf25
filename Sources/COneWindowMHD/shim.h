// The C API that Swift cannot call directly: MHD_start_daemon, MHD_get_daemon_info and
// MHD_get_connection_info are variadic, so they are not imported. Nothing else belongs here.
#ifndef ONEWINDOW_MHD_SHIM_H
#define ONEWINDOW_MHD_SHIM_H

#include <stdarg.h>
#include <stdint.h>
#include <stddef.h>
#include <sys/types.h>
#include <sys/socket.h>
#include <microhttpd.h>

/// What the daemon is started with, in one struct so the call stays readable.
struct onewindow_daemon_options {
    unsigned int flags;
    const struct sockaddr *address;
    MHD_AcceptPolicyCallback accept_policy;
    MHD_AccessHandlerCallback handler;
    MHD_RequestCompletedCallback completed;
    MHD_NotifyConnectionCallback connection_notify;
    void *(*uri_log)(void *cls, const char *uri, struct MHD_Connection *connection);
    void *context;
    unsigned int thread_pool_size;
    unsigned int connection_timeout_seconds;
    unsigned int connection_limit;
    unsigned int per_ip_connection_limit;
    size_t connection_memory_limit;
};

/// Starts a daemon bound to `options->address` with a thread pool and every callback.
static inline struct MHD_Daemon *onewindow_start_daemon(const struct onewindow_daemon_options *options)
{
    return MHD_start_daemon(
        options->flags, 0, options->accept_policy, options->context, options->handler, options->context,
        MHD_OPTION_SOCK_ADDR, options->address,
        MHD_OPTION_NOTIFY_COMPLETED, options->completed, options->context,
        MHD_OPTION_NOTIFY_CONNECTION, options->connection_notify, options->context,
        MHD_OPTION_URI_LOG_CALLBACK, options->uri_log, options->context,
        MHD_OPTION_THREAD_POOL_SIZE, options->thread_pool_size,
        MHD_OPTION_CONNECTION_TIMEOUT, options->connection_timeout_seconds,
        MHD_OPTION_CONNECTION_LIMIT, options->connection_limit,
        MHD_OPTION_PER_IP_CONNECTION_LIMIT, options->per_ip_connection_limit,
        MHD_OPTION_CONNECTION_MEMORY_LIMIT, options->connection_memory_limit,
        /* 1 = strict: refuse HTTP/1.1 requests without Host and other sloppy clients. */
        MHD_OPTION_STRICT_FOR_CLIENT, (int) 1,
        MHD_OPTION_END);
}

/// The port the daemon is bound to (the real one when it was started on port 0).
static inline uint16_t onewindow_daemon_bind_port(struct MHD_Daemon *daemon)
{
    const union MHD_DaemonInfo *info = MHD_get_daemon_info(daemon, MHD_DAEMON_INFO_BIND_PORT);
    return info == NULL ? 0 : info->port;
}

/// The number of open connections, idle keep-alive ones included.
static inline unsigned int onewindow_daemon_connection_count(struct MHD_Daemon *daemon)
{
    const union MHD_DaemonInfo *info = MHD_get_daemon_info(daemon, MHD_DAEMON_INFO_CURRENT_CONNECTIONS);
    return info == NULL ? 0 : info->num_connections;
}

/// The connection's socket, or -1.
static inline int onewindow_connection_fd(struct MHD_Connection *connection)
{
    const union MHD_ConnectionInfo *info = MHD_get_connection_info(connection, MHD_CONNECTION_INFO_CONNECTION_FD);
    return info == NULL ? -1 : info->connect_fd;
}

/// The client's address, or NULL.
static inline const struct sockaddr *onewindow_connection_client_address(struct MHD_Connection *connection)
{
    const union MHD_ConnectionInfo *info = MHD_get_connection_info(connection, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
    return info == NULL ? NULL : info->client_addr;
}

/// The pointer stored for the connection when it started (its socket context), or NULL.
static inline void *onewindow_connection_context(struct MHD_Connection *connection)
{
    const union MHD_ConnectionInfo *info = MHD_get_connection_info(connection, MHD_CONNECTION_INFO_SOCKET_CONTEXT);
    return info == NULL ? NULL : info->socket_context;
}

#endif
