# Turns a file into a C++ source defining `std::string_view NAME`.
#   cmake -DINPUT=file -DOUTPUT=file.cc -DNAME=kWidgetJs -P embed.cmake
file(READ "${INPUT}" hex HEX)
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "'\\\\x\\1'," bytes "${hex}")
file(WRITE "${OUTPUT}"
  "// Generated from ${INPUT} by cmake/embed.cmake; do not edit.\n"
  "#include <string_view>\n"
  "namespace faqbot::adapters {\n"
  "static const char ${NAME}Data[] = {${bytes} 0};\n"
  "extern const std::string_view ${NAME}(${NAME}Data, sizeof(${NAME}Data) - 1);\n"
  "}  // namespace faqbot::adapters\n")
