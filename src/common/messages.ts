// Texts of the shared pieces: the action dialog's reason and note, stored images, locations.
export const zh = {
  common: {
    dialog: {
      reason: '原因',
      note: '说明',
      note_help: '可选，将记入审核历史和操作日志',
      note_required: '选择“其他”时必须填写说明',
    },
    image: {
      zoom: '点击放大',
      unavailable: '图片无法加载',
      missing: '未上传图片',
    },
    location: {
      no_location: '未提供坐标',
      open_map: '在地图中打开',
      coordinates: '坐标',
    },
    four_eyes: {
      pending_mine: '您已于 %{at} 提出申请（%{reason}），须由另一位同事确认后才会执行。',
      pending_other: '%{name} 于 %{at} 提出申请（%{reason}），须由您以外的同事确认：请核对后确认或不予处理。',
      submitted: '申请已提交，须由另一位同事确认后执行',
    },
  },
};

export const en: typeof zh = {
  common: {
    dialog: {
      reason: 'Reason',
      note: 'Note',
      note_help: 'Optional; kept in the review history and the audit log',
      note_required: 'A note is required for "Other"',
    },
    image: {
      zoom: 'Click to enlarge',
      unavailable: 'Image cannot be loaded',
      missing: 'No image uploaded',
    },
    location: {
      no_location: 'No coordinates given',
      open_map: 'Open in a map',
      coordinates: 'Coordinates',
    },
    four_eyes: {
      pending_mine: 'You asked for this at %{at} (%{reason}); it happens once another colleague confirms.',
      pending_other: '%{name} asked for this at %{at} (%{reason}); a colleague other than them must confirm: check it, then confirm or leave it.',
      submitted: 'Request submitted; another colleague must confirm it',
    },
  },
};
