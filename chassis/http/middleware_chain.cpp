#include "chassis/http/middleware_chain.hpp"

namespace hotel::http {

MiddlewareChain::MiddlewareChain(const std::vector<Middleware>& middleware, const Route& route)
    : middleware_(middleware), route_(route), links_(middleware.size()) {
  for (std::size_t i = 0; i < links_.size(); ++i) {
    Link& link = links_[i];
    link.chain = this;
    link.index = i + 1;
    link.next = [&link](Request& request) { return link.chain->start_at(request, link.index); };
  }
}

Task<Response> MiddlewareChain::start_at(Request& request, std::size_t index) {
  if (index == middleware_.size()) return route_.handler(request);
  return middleware_[index](request, route_, links_[index].next);
}

}  // namespace hotel::http
