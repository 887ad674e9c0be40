//! The `kaoping` binary: parses arguments and hands over to the command line or the
//! terminal program. Nothing else lives here.

use kaoping::cli::{self, Cli};

fn main() {
    let args = Cli::parse_args();
    let lang = args.lang();
    let code = match &args.command {
        Some(command) => {
            let stdout = std::io::stdout();
            let stderr = std::io::stderr();
            cli::run(command, lang, &mut stdout.lock(), &mut stderr.lock())
        }
        None => kaoping::tui::run(kaoping::tui::Options {
            file: args.file.clone(),
            demo: args.demo,
            read_only: args.read_only,
            lang,
        }),
    };
    std::process::exit(code);
}
