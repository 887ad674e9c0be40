//! The sentences of the operations the command line and the terminal program share
//! (reading, exporting, setting a value), and the words for I/O errors, in both languages.

use super::Lang;
use super::macros::sentences;
use std::io::ErrorKind;

/// The sentences of the operations, in one language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OpsText(pub Lang);

impl OpsText {
    sentences! {
        /// Said after a refusal: the file was not touched.
        pub fn nothing_changed() {
            zh: "未作修改",
            en: "nothing was changed",
        }

        // What was not found (`not_found`), what a path is instead of a file
        // (`not_a_file`).

        pub fn unit_word() {
            zh: "单位",
            en: "unit",
        }

        pub fn indicator_word() {
            zh: "指标",
            en: "indicator",
        }

        pub fn row_word() {
            zh: "评分行",
            en: "row",
        }

        pub fn folder_word() {
            zh: "文件夹",
            en: "a folder",
        }

        pub fn fifo_word() {
            zh: "命名管道（FIFO）",
            en: "a named pipe (FIFO)",
        }

        pub fn device_word() {
            zh: "设备文件",
            en: "a device",
        }

        pub fn socket_word() {
            zh: "套接字",
            en: "a socket",
        }

        /// A failure as the command line prints it: `kaoping: …`.
        pub fn failed(message: &str) {
            zh: "kaoping: {message}",
            en: "kaoping: {message}",
        }

        /// No unit (or indicator, row) by that id or name.
        pub fn not_found(what: &str, key: &str) {
            zh: "没有这个{what}：{key}",
            en: "no such {what} `{key}`",
        }

        /// `--table` or `--no-bom` with a format other than csv.
        pub fn only_for_csv(option: &str) {
            zh: "{option} 只用于 csv；其他格式包含全部表格",
            en: "{option} is for csv only; the other formats hold every table",
        }

        /// A name that several units (or indicators) have.
        pub fn ambiguous(what: &str, key: &str, ids: &str) {
            zh: "有多个{what}名为「{key}」：{ids}；请用标识",
            en: "more than one {what} is named 「{key}」: {ids}; give the id",
        }

        pub fn bad_key_path(key: &str) {
            zh: "不是有效的键路径：{key}",
            en: "not a valid key path: {key}",
        }

        /// The file is open for writing in another copy of kaoping.
        pub fn locked(file: &str, holder: &str) {
            zh: "{file}: 文件正由他人编辑： {holder}; 未作修改",
            en: "{file}: the file is being edited by {holder}; nothing was changed",
        }

        /// `kaoping check`'s last line: how many errors and warnings a file has.
        pub fn checked(file: &str, errors: usize, warnings: usize) {
            zh: "{file}：{errors} 个错误，{warnings} 个警告",
            en: "{file}: {errors} error(s), {warnings} warning(s)",
        }

        /// A path that is not a regular file (`what`: a folder, a FIFO …), refused
        /// before it is read.
        pub fn not_a_file(file: &str, what: &str) {
            zh: "{file}：这是{what}，不是普通文件，不能读取",
            en: "{file}: this is {what}, not a regular file; it is not read",
        }

        /// A side file (lock, backup …) that is a symbolic link.
        pub fn symlinked_side_file(file: &str) {
            zh: "{file} 是一个符号链接：kaoping 不会写入链接指向的文件，请删除或改名后再试",
            en: "{file} is a symbolic link: kaoping does not write through links for its side files; remove or rename it and try again",
        }

        /// A side file (the lock) that is a hard link to another file.
        pub fn hard_linked_side_file(file: &str) {
            zh: "{file} 还有别的文件名（硬链接）：kaoping 不会写入它，以免改动与它相连的文件，请删除或改名后再试",
            en: "{file} has other names (a hard link): kaoping does not write it, so as not to change the file it shares; remove or rename it and try again",
        }

        /// An export onto the project file itself.
        pub fn export_onto_project(file: &str) {
            zh: "{file} 就是项目文件本身：导出不会覆盖它，请换一个文件名",
            en: "{file} is the project file itself: an export never replaces it; choose another name",
        }

        /// An export onto a project's backup, `.mine`, lock or recovery file.
        pub fn export_onto_side_file(file: &str) {
            zh: "{file} 是项目的备份或辅助文件：导出不会覆盖它，请换一个文件名",
            en: "{file} is one of the project's backup or side files: an export never replaces it; choose another name",
        }

        /// An export onto a project another kaoping has open.
        pub fn export_onto_open_file(file: &str, holder: &str) {
            zh: "{file} 正在 kaoping 中编辑（{holder}）：导出不会覆盖它，请换一个文件名",
            en: "{file} is open in kaoping ({holder}): an export never replaces it; choose another name",
        }

        /// `set` refused a table.
        pub fn not_a_value(key: &str) {
            zh: "{key}：kaoping set 只修改一个值（数、文字、true/false 或编号列表），不写入也不替换表；未作修改",
            en: "{key}: kaoping set changes one value (a number, text, true/false or a list of ids); it neither writes nor replaces a table; nothing was changed",
        }

        /// A file was written.
        pub fn wrote(file: &str) {
            zh: "已写入 {file}",
            en: "wrote {file}",
        }

        /// A save refused: the file changed on disk since it was read.
        pub fn changed_on_disk() {
            zh: "文件在磁盘上被修改",
            en: "the file changed on disk",
        }

        /// `save as` onto a file that exists: never replaced.
        pub fn exists(file: &str) {
            zh: "{file} 已存在",
            en: "{file} exists",
        }

        /// A save refused: the text would not load back as the project (a bug).
        pub fn would_not_load(problems: usize) {
            zh: "要写入的文本无法正确读回（{problems} 个问题）",
            en: "the text would not load ({problems} problems)",
        }

        pub(super) fn not_a_table(path: &str) {
            zh: "{path} 不是表",
            en: "{path} is not a table",
        }

        pub(super) fn no_element(path: &str) {
            zh: "{path}：没有这个元素",
            en: "{path}: no such element",
        }

        pub(super) fn empty_path() {
            zh: "键路径为空",
            en: "an empty path",
        }

        /// An I/O error of a kind without words of its own, by the system's number
        /// (English shows the system's own message instead).
        pub(super) fn os_error(code: i32) {
            zh: "读写出错（系统错误 {code}）",
            en: "input/output error (system error {code})",
        }

        pub(super) fn io_failed() {
            zh: "读写出错",
            en: "input/output error",
        }
    }
}

/// An I/O error in words: the common kinds in the user's language; in English the
/// operating system's own message (which is English whatever the language), in Chinese
/// the system's error number for the other kinds.
pub fn io_error(e: &std::io::Error, lang: Lang) -> String {
    if lang == Lang::En {
        return e.to_string();
    }
    let words = match e.kind() {
        ErrorKind::NotFound => "文件或文件夹不存在",
        ErrorKind::PermissionDenied => "没有权限",
        ErrorKind::AlreadyExists => "文件已存在",
        ErrorKind::IsADirectory => "这是一个文件夹，不是文件",
        ErrorKind::NotADirectory => "路径中有一部分不是文件夹",
        ErrorKind::ReadOnlyFilesystem => "文件系统只读",
        ErrorKind::StorageFull => "磁盘已满",
        ErrorKind::InvalidData => "文件内容无法读取",
        ErrorKind::Interrupted => "操作被中断",
        ErrorKind::WouldBlock => "文件被占用",
        _ => {
            let t = OpsText(lang);
            return e
                .raw_os_error()
                .map_or_else(|| t.io_failed(), |code| t.os_error(code));
        }
    };
    words.to_string()
}

/// Why options typed at the export prompt could not be read: the common kinds in the
/// user's language; in English clap's own words.
pub fn option_error(kind: clap::error::ErrorKind, lang: Lang) -> String {
    use clap::error::ErrorKind as K;
    if lang == Lang::En {
        return kind.to_string();
    }
    match kind {
        K::UnknownArgument | K::InvalidSubcommand => "无法识别的选项",
        K::InvalidValue | K::ValueValidation => "选项的值无效",
        K::NoEquals => "选项的值需要用 = 连接",
        K::TooManyValues | K::WrongNumberOfValues => "选项的值个数不对",
        K::TooFewValues => "选项缺少值",
        K::ArgumentConflict => "选项相互冲突",
        K::MissingRequiredArgument => "缺少必需的选项",
        K::InvalidUtf8 => "选项不是有效的 UTF-8",
        _ => "选项有误",
    }
    .to_string()
}

/// Why `kaoping set` could not put a value at a path.
pub fn set_error(e: &crate::edit::SetError, lang: Lang) -> String {
    use crate::edit::SetError;
    let t = OpsText(lang);
    match e {
        SetError::NotATable(path) => t.not_a_table(path),
        SetError::NoElement(path) => t.no_element(path),
        SetError::Empty => t.empty_path(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::has_chinese;
    use std::io::Error;

    #[test]
    fn io_errors_are_chinese_in_the_chinese_interface() {
        let kinds = [
            ErrorKind::NotFound,
            ErrorKind::PermissionDenied,
            ErrorKind::AlreadyExists,
            ErrorKind::IsADirectory,
            ErrorKind::NotADirectory,
            ErrorKind::ReadOnlyFilesystem,
            ErrorKind::StorageFull,
            ErrorKind::InvalidData,
            ErrorKind::Interrupted,
            ErrorKind::WouldBlock,
            ErrorKind::UnexpectedEof,
            ErrorKind::TimedOut,
            ErrorKind::Other,
        ];
        let errors = kinds.into_iter().map(Error::from).chain([
            Error::from_raw_os_error(5),
            Error::from_raw_os_error(17),
            Error::from_raw_os_error(28),
            Error::other("something English"),
        ]);
        for e in errors {
            let zh = io_error(&e, Lang::Zh);
            assert!(has_chinese(&zh), "{e}: {zh}");
            // English keeps the system's own words.
            assert_eq!(io_error(&e, Lang::En), e.to_string());
        }
    }

    #[test]
    fn option_and_set_errors_are_chinese_in_the_chinese_interface() {
        use clap::error::ErrorKind as K;
        for kind in [
            K::InvalidValue,
            K::UnknownArgument,
            K::InvalidSubcommand,
            K::NoEquals,
            K::ValueValidation,
            K::TooManyValues,
            K::TooFewValues,
            K::WrongNumberOfValues,
            K::ArgumentConflict,
            K::MissingRequiredArgument,
            K::MissingSubcommand,
            K::InvalidUtf8,
            K::DisplayHelp,
            K::DisplayVersion,
            K::Io,
            K::Format,
        ] {
            let zh = option_error(kind, Lang::Zh);
            assert!(has_chinese(&zh), "{kind:?}: {zh}");
            assert_eq!(option_error(kind, Lang::En), kind.to_string());
        }
        use crate::edit::SetError;
        for e in [
            SetError::NotATable("a.b".into()),
            SetError::NoElement("a[3]".into()),
            SetError::Empty,
        ] {
            assert!(has_chinese(&set_error(&e, Lang::Zh)), "{e}");
            // The English is the error's own, word for word.
            assert_eq!(set_error(&e, Lang::En), e.to_string());
        }
    }
}
