#include <iostream>

#include "cli/cli.h"

int main(int argc, char** argv) {
  return kestra_lint::RunCli(argc, argv, std::cin, std::cout, std::cerr);
}
