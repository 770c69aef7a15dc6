// The `hotel` binary: every service of the system, chosen with --target.
#include <CLI/CLI.hpp>
#include <cstdlib>
#include <iostream>

#include "chassis/observe/logger.hpp"
#include "chassis/service/config.hpp"
#include "chassis/service/environment.hpp"
#include "chassis/service/host.hpp"
#include "services/identity/cli/commands.hpp"
#include "services/search/cli.hpp"
#include "services/services.hpp"

namespace {

int serve(const hotel::service::ServiceList& services, const std::vector<std::string>& targets,
          const std::string& config_file, const std::string& data_dir, bool demo_data) {
  using namespace hotel;
  auto schema = service::host_schema(services);
  auto env = service::hotel_environment();
  if (!data_dir.empty()) env["HOTEL_DATA_DIR"] = data_dir;
  std::optional<std::string> file;
  if (!config_file.empty()) file = config_file;
  auto config = service::load_config(schema, file, env);

  observe::LogOptions log;
  log.level = observe::parse_level(config.get_string("log.level"));
  log.to_stdout = config.get_bool("log.stdout");
  if (config.get_bool("log.files")) log.directory = config.get_string("data_dir") + "/logs";
  observe::configure_logging(log);

  service::HostOptions options;
  options.targets = targets;
  options.demo_data = demo_data;
  service::Host host(services, config, options);
  return host.run();
}

}  // namespace

int main(int argc, char** argv) {
  hotel::service::ServiceList services;
  hotel::append_all_services(services);

  CLI::App app{"hotel: the hotel booking platform. Every service lives in this one binary."};
  app.require_subcommand(1);

  std::vector<std::string> targets;
  std::string config_file;
  std::string data_dir;
  bool demo_data = false;
  std::string target_help = "Service to run: all";
  for (const auto& entry : services.entries()) target_help += ", " + entry.name;
  auto* serve_cmd = app.add_subcommand("serve", "Run one service, several, or all of them");
  serve_cmd->add_option("-t,--target", targets, target_help)->required()->delimiter(',');
  serve_cmd->add_option("-c,--config", config_file, "JSON configuration file")
      ->check(CLI::ExistingFile);
  serve_cmd->add_option("--data-dir", data_dir, "Data directory (overrides data_dir)");
  serve_cmd->add_flag("--demo-data", demo_data, "Seed the demo data set at start");

  auto* config_cmd = app.add_subcommand(
      "config", "List every configuration key with its environment variable and default");

  const hotel::identity::cli::Commands identity_commands(app, services);
  const hotel::search::cli::Commands search_commands(app, services);

  CLI11_PARSE(app, argc, argv);
  if (identity_commands.ran()) return identity_commands.exit_code();
  if (search_commands.ran()) return search_commands.exit_code();

  try {
    if (config_cmd->parsed()) {
      std::cout << hotel::service::describe(hotel::service::host_schema(services));
      return 0;
    }
    return serve(services, targets, config_file, data_dir, demo_data);
  } catch (const hotel::service::ConfigError& error) {
    std::cerr << "hotel: configuration error:\n" << error.what() << "\n";
    return 2;
  } catch (const std::exception& error) {
    std::cerr << "hotel: " << error.what() << "\n";
    return 1;
  }
}
