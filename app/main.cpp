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

hotel::service::Config load_config(const hotel::service::ServiceList& services,
                                   const std::string& config_file, const std::string& data_dir) {
  using namespace hotel;
  auto env = service::hotel_environment();
  if (!data_dir.empty()) env["HOTEL_DATA_DIR"] = data_dir;
  std::optional<std::string> file;
  if (!config_file.empty()) file = config_file;
  return service::load_config(service::host_schema(services), file, env);
}

int serve(const hotel::service::ServiceList& services, const std::vector<std::string>& targets,
          const std::string& config_file, const std::string& data_dir, bool demo_data) {
  using namespace hotel;
  auto config = load_config(services, config_file, data_dir);

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
  auto* search_cmd = app.add_subcommand("search", "Maintain the search read model (offline)");
  search_cmd->require_subcommand(1);
  search_cmd->fallthrough();
  search_cmd->add_option("-c,--config", config_file, "JSON configuration file")
      ->check(CLI::ExistingFile);
  search_cmd->add_option("--data-dir", data_dir, "Data directory (overrides data_dir)");
  auto* rebuild_cmd = search_cmd->add_subcommand(
      "rebuild", "Clear the read model and reset its cursor; the service replays the hotels feed");
  std::string load_file;
  std::int64_t load_batch = 10'000;
  auto* load_cmd = search_cmd->add_subcommand(
      "load", "Apply hotel snapshots (JSON lines) through the indexer, for benchmarks");
  load_cmd->add_option("-f,--file", load_file, "One hotel snapshot per line")
      ->required()
      ->check(CLI::ExistingFile);
  load_cmd->add_option("--batch", load_batch, "Snapshots per transaction")
      ->check(CLI::Range(1, 1'000'000));

  CLI11_PARSE(app, argc, argv);
  if (identity_commands.ran()) return identity_commands.exit_code();

  try {
    if (config_cmd->parsed()) {
      std::cout << hotel::service::describe(hotel::service::host_schema(services));
      return 0;
    }
    if (search_cmd->parsed()) {
      const auto dir = load_config(services, config_file, data_dir).get_string("data_dir");
      if (rebuild_cmd->parsed()) return hotel::search::cli::rebuild(dir, std::cout);
      if (load_cmd->parsed())
        return hotel::search::cli::load(dir, load_file, load_batch, std::cout);
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
