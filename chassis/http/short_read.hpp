// A TCP socket whose reads tell Asio's reactor that the socket is drained when a read comes back
// short, as nginx does. Asio tries every read at once ("speculatively") until one returns 0
// bytes; on a keep-alive connection the read after a request or an answer nearly always finds
// nothing yet, and that failed receive (~240 ns on this machine, bench/syscall_costs.sh) came
// 0.9–1.4 times per request through the gateway. With this read, a read after a short one waits
// for the socket's next readiness event (its epoll registration is edge-triggered and stays as it
// is: no epoll_ctl); the event also re-enables the next speculative read.
//
// This is an operation of our own over Asio's reactor interfaces (`boost::asio::detail`), which
// are not a public API: it is compiled for the Boost version and reactor it was written against
// (Boost 1.81, epoll) and falls back to the socket's own async_read_some anywhere else.
// Internal to the server and client translation units (through timed_socket.hpp).
#pragma once

#include <boost/asio/associated_cancellation_slot.hpp>
#include <boost/asio/async_result.hpp>
#include <boost/asio/buffer.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/version.hpp>
#include <cstddef>
#include <utility>

#if BOOST_VERSION == 108100 && defined(BOOST_ASIO_HAS_EPOLL) && \
    !defined(BOOST_ASIO_HAS_IO_URING) && !defined(BOOST_ASIO_HAS_IOCP)
#define HOTEL_HTTP_SHORT_READ 1
#include <boost/asio/detail/epoll_reactor.hpp>
#include <boost/asio/detail/fenced_block.hpp>
#include <boost/asio/detail/handler_alloc_helpers.hpp>
#include <boost/asio/detail/handler_cont_helpers.hpp>
#include <boost/asio/detail/handler_work.hpp>
#include <boost/asio/detail/memory.hpp>
#include <boost/asio/detail/reactor_op.hpp>
#include <boost/asio/detail/socket_ops.hpp>
#include <boost/asio/execution/context.hpp>
#include <boost/asio/query.hpp>
#endif

namespace hotel::http {

#ifdef HOTEL_HTTP_SHORT_READ
namespace short_read_detail {

namespace ad = boost::asio::detail;

// Asio's receive operation (reactive_socket_recv_op) for one buffer, but a read that leaves room
// in the buffer reports the socket exhausted, as a read of 0 bytes does in Asio's own.
template <class Handler, class IoExecutor>
class ReceiveOp : public ad::reactor_op {
 public:
  BOOST_ASIO_DEFINE_HANDLER_PTR(ReceiveOp);

  ReceiveOp(ad::socket_type socket, boost::asio::mutable_buffer buffer, Handler& handler,
            const IoExecutor& io_ex)
      : ad::reactor_op(boost::system::error_code(), &ReceiveOp::do_perform,
                       &ReceiveOp::do_complete),
        socket_(socket),
        buffer_(buffer),
        handler_(std::move(handler)),
        work_(handler_, io_ex) {}

  static status do_perform(ad::reactor_op* base) {
    auto* op = static_cast<ReceiveOp*>(base);
    if (!ad::socket_ops::non_blocking_recv1(op->socket_, op->buffer_.data(), op->buffer_.size(), 0,
                                            true, op->ec_, op->bytes_transferred_)) {
      return not_done;
    }
    return op->bytes_transferred_ < op->buffer_.size() ? done_and_exhausted : done;
  }

  static void do_complete(void* owner, ad::operation* base, const boost::system::error_code& /*ec*/,
                          std::size_t /*bytes_transferred*/) {
    auto* op = static_cast<ReceiveOp*>(base);
    ptr p = {std::addressof(op->handler_), op, op};
    ad::handler_work<Handler, IoExecutor> work(std::move(op->work_));
    ad::binder2<Handler, boost::system::error_code, std::size_t> handler(op->handler_, op->ec_,
                                                                         op->bytes_transferred_);
    p.h = std::addressof(handler.handler_);
    p.reset();
    if (owner) {
      ad::fenced_block fence(ad::fenced_block::half);
      work.complete(handler, handler.handler_);
    }
  }

 private:
  ad::socket_type socket_;
  boost::asio::mutable_buffer buffer_;
  Handler handler_;
  ad::handler_work<Handler, IoExecutor> work_;
};

// Per-operation cancellation, as Asio's own socket operations have it.
class Cancellation {
 public:
  Cancellation(ad::epoll_reactor* reactor, ad::epoll_reactor::per_descriptor_data* data,
               ad::socket_type descriptor)
      : reactor_(reactor), data_(data), descriptor_(descriptor) {}
  void operator()(boost::asio::cancellation_type_t type) {
    using boost::asio::cancellation_type;
    if (!!(type &
           (cancellation_type::terminal | cancellation_type::partial | cancellation_type::total))) {
      reactor_->cancel_ops_by_key(descriptor_, *data_, ad::epoll_reactor::read_op, this);
    }
  }

 private:
  ad::epoll_reactor* reactor_;
  ad::epoll_reactor::per_descriptor_data* data_;
  ad::socket_type descriptor_;
};

}  // namespace short_read_detail
#endif

class ShortReadSocket : public boost::asio::ip::tcp::socket {
 public:
  using Base = boost::asio::ip::tcp::socket;
  explicit ShortReadSocket(const executor_type& executor) : Base(executor) {}
  explicit ShortReadSocket(Base&& socket) : Base(std::move(socket)) {}

  // async_read_some with the short-read rule above; the same completion signature and errors.
  template <class Token>
  auto async_read_some_drained(boost::asio::mutable_buffer buffer, Token&& token) {
#ifdef HOTEL_HTTP_SHORT_READ
    return boost::asio::async_initiate<Token, void(boost::system::error_code, std::size_t)>(
        Initiate{this}, token, buffer);
#else
    return async_read_some(buffer, std::forward<Token>(token));
#endif
  }

 private:
#ifdef HOTEL_HTTP_SHORT_READ
  struct Initiate {
    using executor_type = Base::executor_type;
    executor_type get_executor() const { return self->get_executor(); }

    template <class Handler>
    void operator()(Handler&& handler, boost::asio::mutable_buffer buffer) const {
      self->start(std::forward<Handler>(handler), buffer);
    }
    ShortReadSocket* self;
  };

  template <class Handler>
  void start(Handler&& handler, boost::asio::mutable_buffer buffer) {
    namespace ad = boost::asio::detail;
    using Decayed = std::decay_t<Handler>;
    using Op = short_read_detail::ReceiveOp<Decayed, executor_type>;
    Decayed owned(std::forward<Handler>(handler));
    auto& impl = impl_.get_implementation();
    if (reactor_ == nullptr) {
      reactor_ = &boost::asio::use_service<ad::epoll_reactor>(
          boost::asio::query(get_executor(), boost::asio::execution::context));
    }
    const bool is_continuation = boost_asio_handler_cont_helpers::is_continuation(owned);
    auto slot = boost::asio::get_associated_cancellation_slot(owned);
    typename Op::ptr p = {std::addressof(owned), Op::ptr::allocate(owned), nullptr};
    p.p = new (p.v) Op(impl.socket_, buffer, owned, impl_.get_executor());
    if (slot.is_connected()) {
      p.p->cancellation_key_ = &slot.template emplace<short_read_detail::Cancellation>(
          reactor_, &impl.reactor_data_, impl.socket_);
    }
    // Nothing to read, or a socket that cannot be made non-blocking (the error is in the
    // operation): done at once, as in Asio's own.
    const bool to_reactor =
        buffer.size() > 0 &&
        ((impl.state_ & ad::socket_ops::non_blocking) != 0 ||
         ad::socket_ops::set_internal_non_blocking(impl.socket_, impl.state_, true, p.p->ec_));
    if (to_reactor) {
      reactor_->start_op(ad::epoll_reactor::read_op, impl.socket_, impl.reactor_data_, p.p,
                         is_continuation, true);
    } else {
      reactor_->post_immediate_completion(p.p, is_continuation);
    }
    p.v = p.p = nullptr;
  }

  boost::asio::detail::epoll_reactor* reactor_ = nullptr;
#endif
};

}  // namespace hotel::http
