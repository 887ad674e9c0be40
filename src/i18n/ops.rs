//! The sentences of the operations the command line and the terminal program share
//! (reading, exporting, setting a value), and the words for I/O errors, in both languages.

use super::Lang;
use std::io::ErrorKind;

/// The sentence templates of the operations, in one language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OpsText(pub Lang);

impl OpsText {
    fn zh(self) -> bool {
        self.0 == Lang::Zh
    }

    /// A failure as the command line prints it: `kaoping: …`.
    pub fn failed(self, message: &str) -> String {
        format!("kaoping: {message}")
    }

    /// Said after a refusal: the file was not touched.
    pub fn nothing_changed(self) -> &'static str {
        self.0.pick("未作修改", "nothing was changed")
    }

    /// No unit (or indicator, row) by that id or name.
    pub fn not_found(self, what: &str, key: &str) -> String {
        if self.zh() {
            format!("没有这个{what}：{key}")
        } else {
            format!("no such {what} `{key}`")
        }
    }

    pub fn unit_word(self) -> &'static str {
        self.0.pick("单位", "unit")
    }

    pub fn indicator_word(self) -> &'static str {
        self.0.pick("指标", "indicator")
    }

    pub fn row_word(self) -> &'static str {
        self.0.pick("评分行", "row")
    }

    pub fn bad_key_path(self, key: &str) -> String {
        if self.zh() {
            format!("不是有效的键路径：{key}")
        } else {
            format!("not a valid key path: {key}")
        }
    }

    /// The file is open for writing in another copy of kaoping.
    pub fn locked(self, file: &str, holder: &str) -> String {
        if self.zh() {
            format!("{file}: 文件正由他人编辑： {holder}; 未作修改")
        } else {
            format!("{file}: the file is being edited by {holder}; nothing was changed")
        }
    }

    /// A path that is not a regular file, refused before it is read.
    pub fn not_a_file(self, file: &str, what: &str) -> String {
        if self.zh() {
            format!("{file}：这是{what}，不是普通文件，不能读取")
        } else {
            format!("{file}: this is {what}, not a regular file; it is not read")
        }
    }

    pub fn folder_word(self) -> &'static str {
        self.0.pick("文件夹", "a folder")
    }

    pub fn fifo_word(self) -> &'static str {
        self.0.pick("命名管道（FIFO）", "a named pipe (FIFO)")
    }

    pub fn device_word(self) -> &'static str {
        self.0.pick("设备文件", "a device")
    }

    pub fn socket_word(self) -> &'static str {
        self.0.pick("套接字", "a socket")
    }

    /// A side file (lock, backup …) that is a symbolic link.
    pub fn symlinked_side_file(self, file: &str) -> String {
        if self.zh() {
            format!("{file} 是一个符号链接：kaoping 不会写入链接指向的文件，请删除或改名后再试")
        } else {
            format!(
                "{file} is a symbolic link: kaoping does not write through links for its side files; remove or rename it and try again"
            )
        }
    }

    /// An export onto the project file itself.
    pub fn export_onto_project(self, file: &str) -> String {
        if self.zh() {
            format!("{file} 就是项目文件本身：导出不会覆盖它，请换一个文件名")
        } else {
            format!(
                "{file} is the project file itself: an export never replaces it; choose another name"
            )
        }
    }

    /// An export onto a project's backup, `.mine`, lock or recovery file.
    pub fn export_onto_side_file(self, file: &str) -> String {
        if self.zh() {
            format!("{file} 是项目的备份或辅助文件：导出不会覆盖它，请换一个文件名")
        } else {
            format!(
                "{file} is one of the project's backup or side files: an export never replaces it; choose another name"
            )
        }
    }

    /// An export onto a project another kaoping has open.
    pub fn export_onto_open_file(self, file: &str, holder: &str) -> String {
        if self.zh() {
            format!("{file} 正在 kaoping 中编辑（{holder}）：导出不会覆盖它，请换一个文件名")
        } else {
            format!(
                "{file} is open in kaoping ({holder}): an export never replaces it; choose another name"
            )
        }
    }

    /// `set` refused a table.
    pub fn not_a_value(self, key: &str) -> String {
        if self.zh() {
            format!(
                "{key}：kaoping set 只修改一个值（数、文字、true/false 或编号列表），不写入也不替换表；未作修改"
            )
        } else {
            format!(
                "{key}: kaoping set changes one value (a number, text, true/false or a list of ids); it neither writes nor replaces a table; nothing was changed"
            )
        }
    }

    /// A file was written.
    pub fn wrote(self, file: &str) -> String {
        format!("{} {file}", self.0.pick("已写入", "wrote"))
    }
}

/// An I/O error in words: the common kinds in the user's language (an operating system's
/// message is English whatever the language), the rest with the system's error number.
pub fn io_error(e: &std::io::Error, lang: Lang) -> String {
    let zh = match e.kind() {
        ErrorKind::NotFound => Some("文件或文件夹不存在"),
        ErrorKind::PermissionDenied => Some("没有权限"),
        ErrorKind::AlreadyExists => Some("文件已存在"),
        ErrorKind::IsADirectory => Some("这是一个文件夹，不是文件"),
        ErrorKind::NotADirectory => Some("路径中有一部分不是文件夹"),
        ErrorKind::ReadOnlyFilesystem => Some("文件系统只读"),
        ErrorKind::StorageFull => Some("磁盘已满"),
        ErrorKind::InvalidData => Some("文件内容无法读取"),
        ErrorKind::Interrupted => Some("操作被中断"),
        ErrorKind::WouldBlock => Some("文件被占用"),
        _ => None,
    };
    match (lang, zh) {
        (Lang::Zh, Some(text)) => text.to_string(),
        (Lang::Zh, None) => match e.raw_os_error() {
            Some(code) => format!("读写出错（系统错误 {code}）"),
            None => "读写出错".to_string(),
        },
        (Lang::En, _) => e.to_string(),
    }
}

/// Why `kaoping set` could not put a value at a path.
pub fn set_error(e: &crate::edit::SetError, lang: Lang) -> String {
    use crate::edit::SetError;
    match (e, lang) {
        (SetError::NotATable(path), Lang::Zh) => format!("{path} 不是表"),
        (SetError::NoElement(path), Lang::Zh) => format!("{path}：没有这个元素"),
        (SetError::Empty, Lang::Zh) => "键路径为空".to_string(),
        (e, Lang::En) => e.to_string(),
    }
}
