import { App } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemText } from '../lib/problems.ts';

/**
 * Create/edit/delete flow of a directory page: which dialog is open, closing it
 * (with a reload after a save or conflict) and deleting an item with a message.
 */
export function useEntityDialog<Dialog, Item>(options: {
  reload: () => Promise<void>;
  remove: (item: Item) => Promise<unknown>;
  deletedText: (item: Item) => string;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [dialog, setDialog] = useState<Dialog | null>(null);

  const close = () => setDialog(null);
  const closeAndReload = () => {
    setDialog(null);
    void options.reload();
  };
  const remove = async (item: Item) => {
    try {
      await options.remove(item);
      message.success(options.deletedText(item));
    } catch (error) {
      message.error(problemText(t, error));
    }
    await options.reload();
  };

  return { dialog, open: setDialog, close, closeAndReload, remove };
}
