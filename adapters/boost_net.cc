// Boost.Asio and Boost.Beast, compiled once for the whole program: both
// are built in their separate-compilation mode (BOOST_ASIO_SEPARATE_COMPILATION
// and BOOST_BEAST_SEPARATE_COMPILATION, set on the faqbot::net target), so
// every other file includes only declarations and templates, and their
// non-template code lives here.
#include <boost/asio/impl/src.hpp>
#include <boost/asio/ssl/impl/src.hpp>
#include <boost/beast/src.hpp>
